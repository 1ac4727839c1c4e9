import { CustomerQuery, ErrorCode, IdParams } from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { AppError } from "../../shared/errors.js";
import { checkSpreadsheetUpload, UPLOAD_MAX_BYTES } from "../../shared/spreadsheet-upload.js";
import { exportCustomers } from "./customers.export.js";
import { validateImport } from "./customers.import.js";
import { errorFile, getImport, startCommit } from "./customers.import-commit.js";
import { undoImport } from "./customers.import-undo.js";

const tags = ["customers"];

const ImportOptions = z.object({
  duplicatePolicy: z.enum(["skip", "update", "create"]).default("skip"),
  matchKey: z.enum(["code", "creditCode", "name", "phone"]).default("name"),
  mapping: z
    .string()
    .max(5000)
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      try {
        return z.record(z.string(), z.string()).parse(JSON.parse(s));
      } catch {
        ctx.addIssue({ code: "custom", message: "mapping must be a JSON object of header -> field" });
        return z.NEVER;
      }
    }),
});

const ImportJob = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    status: z.enum(["validated", "committing", "committed", "failed", "undone"]),
    duplicatePolicy: z.string(),
    matchKey: z.string(),
    totalRows: z.number().int(),
    errorRows: z.number().int(),
    toCreate: z.number().int(),
    toUpdate: z.number().int(),
    toSkip: z.number().int(),
    processed: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    committedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
    errors: z
      .array(
        z.object({
          row: z.number().int(),
          errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
        }),
      )
      .meta({
        description: "The first 1,000 rejected rows (row = line in the file); all of them in errors.csv",
      }),
  })
  .meta({ id: "CustomerImport" });

export const customerIoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/customers/export",
    {
      config: { access: { permission: "customer:export" } },
      schema: {
        tags,
        summary: "Download the filtered list (your scope) as CSV or XLSX",
        querystring: CustomerQuery.omit({ sort: true, limit: true, cursor: true }).extend({
          format: z.enum(["csv", "xlsx"]).default("csv"),
        }),
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      await exportCustomers(
        app.db,
        callerOf(request),
        filters,
        format,
        request.lang,
        reply,
        contextOf(request),
      );
    },
  );

  app.post(
    "/customers/imports",
    {
      config: { access: { permission: "customer:import" } },
      schema: {
        tags,
        summary: "Upload a CSV or XLSX file: a dry run that reports every bad row and duplicate",
        description:
          "multipart/form-data with `file` and optional `duplicatePolicy` (skip | update | create), `matchKey` " +
          "(code | creditCode | name | phone) and `mapping` (JSON: file header -> field). Nothing is written to " +
          "customers until POST /customers/imports/{id}/commit.",
        consumes: ["multipart/form-data"],
        response: { 201: ImportJob },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: UPLOAD_MAX_BYTES } });
      if (!part || !/\.(csv|xlsx)$/i.test(part.filename)) {
        throw new AppError(400, ErrorCode.validation, {
          fields: [{ field: "file", code: "import_file_required" }],
        });
      }
      const buffer = await part.toBuffer();
      await checkSpreadsheetUpload(part.filename, buffer);
      const fields = Object.fromEntries(
        Object.entries(part.fields).flatMap(([k, v]) =>
          v && !Array.isArray(v) && "value" in v && typeof v.value === "string" ? [[k, v.value]] : [],
        ),
      );
      const options = ImportOptions.safeParse(fields);
      if (!options.success) {
        throw new AppError(400, ErrorCode.validation, {
          fields: options.error.issues.map((i) => ({
            field: i.path.join(".") || "options",
            code: "invalid_value",
          })),
        });
      }
      const id = await validateImport(
        app.db,
        callerOf(request),
        { name: part.filename, buffer },
        options.data,
        request.lang,
      );
      return reply.status(201).send(await getImport(app.db, callerOf(request), id));
    },
  );

  app.get(
    "/customers/imports/:id",
    {
      config: { access: { permission: "customer:import" } },
      schema: {
        tags,
        summary: "An import: its report, status and progress",
        params: IdParams,
        response: { 200: ImportJob },
      },
    },
    async (request) => getImport(app.db, callerOf(request), request.params.id),
  );

  app.get(
    "/customers/imports/:id/errors.csv",
    {
      config: { access: { permission: "customer:import" } },
      schema: {
        tags,
        summary: "The rejected rows with the reason, as CSV",
        params: IdParams,
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const csv = await errorFile(app.db, callerOf(request), request.params.id);
      reply.header("content-type", "text/csv; charset=utf-8");
      reply.header("content-disposition", `attachment; filename="import-errors-${request.params.id}.csv"`);
      return csv;
    },
  );

  app.post(
    "/customers/imports/:id/commit",
    {
      config: { access: { permission: "customer:import" } },
      schema: {
        tags,
        summary: "Write the validated rows, all or nothing, as a background job (poll the import)",
        params: IdParams,
        response: { 202: ImportJob },
      },
    },
    async (request, reply) => {
      const job = await startCommit(
        app.db,
        callerOf(request),
        request.params.id,
        contextOf(request),
        request.log,
        app.dbHandle.kind === "pglite",
      );
      return reply.status(202).send(job as z.infer<typeof ImportJob>);
    },
  );

  app.post(
    "/customers/imports/:id/undo",
    {
      config: { access: { permission: "customer:import" } },
      schema: {
        tags,
        summary: "Undo a whole import: created customers removed, updated ones restored",
        params: IdParams,
        response: { 200: ImportJob },
      },
    },
    async (request) => undoImport(app.db, callerOf(request), request.params.id, contextOf(request)),
  );
};
