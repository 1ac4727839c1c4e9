import { ErrorCode } from "@crm/contracts";
import swagger from "@fastify/swagger";
import scalar from "@scalar/fastify-api-reference";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { customMessage, ERROR_TITLES } from "../shared/i18n.js";
import type { Access } from "./access.js";
import { API_GUIDE, TAG_DESCRIPTIONS } from "./openapi-guide.js";

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Json[];
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
}
interface Document {
  info: Json;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Json> } & Json;
  [key: string]: unknown;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");

/**
 * A stable operationId from the method and path, e.g. `GET /api/v1/customers/{id}` → getCustomersById,
 * `POST /api/v1/customers/{id}/restore` → postCustomersRestore. A route may set its own.
 */
export function operationIdOf(method: string, url: string): string {
  const segments = url.replace(/^\/api(\/v1)?\//, "").split("/");
  const words = segments.filter((s) => !s.startsWith(":") && !s.startsWith("{")).map(pascal);
  const last = segments.at(-1) ?? "";
  const byParam = last.startsWith(":") || last.startsWith("{") ? "ById" : "";
  return `${method.toLowerCase()}${words.join("")}${byParam}`;
}

function accessText(access: Access | undefined): string {
  if (access === undefined || access === "public") return "No authentication.";
  if (access === "authenticated") return "Any authenticated caller.";
  if ("permission" in access) return `Permission \`${access.permission}\`.`;
  return `Any of the permissions ${access.anyOf.map((p) => `\`${p}\``).join(", ")}.`;
}

/** An example problem, with the title and field messages the server really sends in English. */
const problemExample = (status: number, code: ErrorCode, extra: Json = {}) => ({
  value: {
    type: `https://crm.invalid/problems/${code}`,
    title: ERROR_TITLES[code].en,
    status,
    code,
    instance: "/api/v1/customers/0b9a6a3e-5c1d-4c34-9a58-2f0c3f0d7e11",
    requestId: "3f9c2a8e-1d4b-4f6a-8c2e-7b5d9e0a1c34",
    ...extra,
  },
});

const problem = (description: string, examples: Record<string, ReturnType<typeof problemExample>>) => ({
  description,
  headers: { "X-Request-Id": { $ref: "#/components/headers/X-Request-Id" } },
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" }, examples } },
});

/** The error answers every operation shares, as reusable components. */
const ERROR_RESPONSES = {
  BadRequest: problem("The request is malformed: `errors` names each field (unknown fields included).", {
    validation: problemExample(400, ErrorCode.validation, {
      detail: "Invalid body",
      errors: [
        { field: "name", code: "required", message: customMessage("en", "required") },
        { field: "ownerCode", code: "unrecognized_keys", message: customMessage("en", "unknown_field") },
      ],
    }),
  }),
  Unauthorized: {
    ...problem("No valid API key or access token.", {
      unauthenticated: problemExample(401, ErrorCode.unauthenticated),
    }),
    headers: {
      "WWW-Authenticate": { description: "`Bearer`", schema: { type: "string" } },
      "X-Request-Id": { $ref: "#/components/headers/X-Request-Id" },
    },
  },
  Forbidden: problem("The caller lacks the permission this operation needs.", {
    forbidden: problemExample(403, ErrorCode.forbidden),
  }),
  NotFound: problem("No such record in the caller's data scope.", {
    notFound: problemExample(404, ErrorCode.notFound),
  }),
  Conflict: problem(
    "The change contradicts the record's state (deleted, a duplicate, not enough stock, a state it cannot leave), or a request with the same Idempotency-Key is still running.",
    {
      deleted: problemExample(409, ErrorCode.gone),
      conflict: problemExample(409, ErrorCode.conflict),
    },
  ),
  PreconditionFailed: problem(
    "`If-Match` names a version that is no longer current; nothing was changed. `currentVersion` is the version now.",
    {
      stale: problemExample(412, ErrorCode.preconditionFailed, {
        currentVersion: 4,
      }),
    },
  ),
  UnprocessableContent: problem("The `Idempotency-Key` was used before with another body.", {
    reused: problemExample(422, ErrorCode.idempotencyKeyReused, {
      errors: [
        {
          field: "Idempotency-Key",
          code: "idempotency_key_reused",
          message: customMessage("en", "idempotency_key_reused"),
        },
      ],
    }),
  }),
  TooManyRequests: {
    ...problem("Too many requests; retry after `Retry-After` seconds.", {
      rateLimited: problemExample(429, ErrorCode.rateLimited),
    }),
    headers: {
      "Retry-After": { $ref: "#/components/headers/Retry-After" },
      "X-Request-Id": { $ref: "#/components/headers/X-Request-Id" },
    },
  },
};

const HEADERS = {
  ETag: {
    description: 'The record\'s version, e.g. `"3"`: send it back as `If-Match` when changing the record.',
    schema: { type: "string" },
    example: '"3"',
  },
  Link: {
    description:
      'The next page, `</api/v1/…?…&cursor=…>; rel="next"`, with the filters kept; absent on the last page.',
    schema: { type: "string" },
  },
  "Idempotent-Replayed": {
    description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.",
    schema: { type: "string", enum: ["true"] },
  },
  "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
  "X-Request-Id": {
    description: "The request's id (yours when you sent a well-formed one); quote it when asking for help.",
    schema: { type: "string" },
  },
};

const PARAMETERS = {
  IfMatch: {
    name: "If-Match",
    in: "header",
    required: false,
    description:
      'The version you read (its ETag, e.g. `"3"`): the change is refused with 412 if the record changed since. Without it, the change applies to the current version.',
    schema: { type: "string", pattern: '^(W/)?"?\\d{1,9}"?$' },
    example: '"3"',
  },
  IdempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "Makes a retry safe: the same key and body within 48 hours get the first answer again instead of a second write.",
    schema: { type: "string", pattern: "^[\\w.:-]{1,100}$" },
    example: "6f1c2d7e-0c1b-4d8a-9f43-2b6f1f4f9a10",
  },
};

const REASONS: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "202": "Accepted: the work continues in the background",
  "204": "No content",
};

const resolveSchema = (doc: Document, schema: Json | undefined): Json | undefined => {
  const ref = schema?.$ref;
  return typeof ref === "string" ? doc.components.schemas?.[ref.split("/").at(-1)!] : schema;
};

/** Keeps only the component schemas something refers to (zod's input and output twins are both made). */
function pruneSchemas(doc: Document) {
  const schemas = doc.components.schemas ?? {};
  const used = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")) {
        const name = value.slice("#/components/schemas/".length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit({ ...doc, components: { ...doc.components, schemas: undefined } });
  doc.components.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
}

/**
 * What every operation shares, added once here instead of on 150 routes: operationIds, who may
 * call it, the error answers it can give (problem+json with examples), If-Match and
 * Idempotency-Key where they apply, and the ETag and Link headers of its answers.
 */
function completeDocument(doc: Document, accessOf: Map<string, Access>): Document {
  doc.info = {
    ...doc.info,
    description: API_GUIDE,
  };
  doc.servers = [{ url: "/", description: "This server" }];
  doc.components = {
    ...doc.components,
    responses: ERROR_RESPONSES,
    headers: HEADERS,
    parameters: PARAMETERS,
  };
  const tags = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const verb = method.toUpperCase();
      const access = accessOf.get(`${verb} ${path}`);
      const isPublic = access === undefined || access === "public";
      const onRecord = /\{\w+\}/.test(path);
      const versioned =
        verb === "PATCH" || verb === "DELETE" || (verb === "POST" && path.endsWith("/{id}/restore"));
      op.operationId ??= operationIdOf(method, path);
      op.security ??= [];
      for (const tag of op.tags ?? []) tags.add(tag);
      op.description = [op.description, accessText(access)].filter(Boolean).join("\n\n");

      const parameters = op.parameters ?? [];
      if (versioned) parameters.push({ $ref: "#/components/parameters/IfMatch" });
      if (verb === "POST" && !isPublic) parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
      if (parameters.length) op.parameters = parameters;

      for (const [status, response] of Object.entries(op.responses)) {
        if (response.description === "Default Response") response.description = REASONS[status] ?? "OK";
        if (!status.startsWith("2")) continue;
        const content = response.content as Record<string, { schema?: Json }> | undefined;
        const body = resolveSchema(doc, content?.["application/json"]?.schema);
        const properties = (body?.properties ?? {}) as Json;
        const headers: Json = {};
        if ("nextCursor" in properties && "items" in properties)
          headers.Link = { $ref: "#/components/headers/Link" };
        else if ("version" in properties && "id" in properties)
          headers.ETag = { $ref: "#/components/headers/ETag" };
        if (verb === "POST" && !isPublic)
          headers["Idempotent-Replayed"] = { $ref: "#/components/headers/Idempotent-Replayed" };
        if (Object.keys(headers).length) response.headers = { ...(response.headers as Json), ...headers };
      }

      const errors: Record<string, string> = {};
      if (op.parameters?.length || op.requestBody) errors["400"] = "BadRequest";
      if (!isPublic) {
        errors["401"] = "Unauthorized";
        errors["403"] = "Forbidden";
      }
      if (onRecord) errors["404"] = "NotFound";
      if (!isPublic && verb !== "GET") errors["409"] = "Conflict";
      if (versioned) errors["412"] = "PreconditionFailed";
      if (verb === "POST" && !isPublic) errors["422"] = "UnprocessableContent";
      if (path.startsWith("/api/v1/")) errors["429"] = "TooManyRequests";
      for (const [status, name] of Object.entries(errors)) {
        op.responses[status] ??= { $ref: `#/components/responses/${name}` };
      }
    }
  }
  // In the guide's order (the reading order of the product), any other tag after them.
  const order = Object.keys(TAG_DESCRIPTIONS);
  const rank = (tag: string) => (order.includes(tag) ? order.indexOf(tag) : order.length);
  doc.tags = [...tags]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => ({
      name,
      description: TAG_DESCRIPTIONS[name] ?? `Operations on ${name}.`,
    }));
  pruneSchemas(doc);
  return doc;
}

/** OpenAPI 3.1 from the routes' zod schemas at /api/openapi.json; interactive docs at /api/docs. */
export const openapiPlugin = fp(
  async (app: FastifyInstance) => {
    const accessOf = new Map<string, Access>();
    await app.register(swagger, {
      openapi: {
        openapi: "3.1.0",
        info: { title: "CRM API 客户关系管理系统", version: "1.0.0" },
        components: {
          securitySchemes: {
            bearerAuth: {
              type: "http",
              scheme: "bearer",
              description:
                "An API key (`crm_k_…`, for third parties) or an access token from `POST /api/v1/auth/login`, as `Authorization: Bearer <token>`.",
            },
          },
        },
      },
      transform: (input) => {
        const { route, url } = input;
        const access = route.config?.access as Access | undefined;
        const path = url.replace(/:(\w+)/g, "{$1}");
        for (const method of [route.method].flat()) if (access) accessOf.set(`${method} ${path}`, access);
        const out = jsonSchemaTransform(input);
        if (access === "public") (out.schema as Json).security ??= [];
        return out;
      },
      transformObject: (input) =>
        completeDocument(jsonSchemaTransformObject(input) as unknown as Document, accessOf) as never,
    });
    app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
    await app.register(scalar, {
      routePrefix: "/api/docs",
      configuration: {
        url: "/api/openapi.json",
        pageTitle: "CRM API",
        // Self-contained: no web fonts, AI agent or deploy toolbar from outside (the page may be on a LAN).
        withDefaultFonts: false,
        showDeveloperTools: "never",
        agent: { disabled: true },
        defaultHttpClient: { targetKey: "shell", clientKey: "curl" },
      },
    });
  },
  { name: "openapi" },
);
