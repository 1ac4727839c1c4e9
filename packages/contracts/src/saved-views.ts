import { z } from "zod";

export const SAVED_VIEW_RESOURCES = ["customers", "contacts"] as const;

export const SavedViewCreate = z
  .strictObject({
    resource: z.enum(SAVED_VIEW_RESOURCES),
    name: z.string().trim().min(1).max(30),
    query: z
      .record(z.string(), z.union([z.string().max(200), z.array(z.string().max(200)).max(20)]))
      .refine((q) => Object.keys(q).length <= 30, { error: "too_many_filters" }),
    columns: z.array(z.string().max(50)).max(50).nullable().optional(),
  })
  .meta({ id: "SavedViewCreate" });

export const SavedView = z
  .object({
    id: z.uuid(),
    resource: z.enum(SAVED_VIEW_RESOURCES),
    name: z.string(),
    query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    columns: z.array(z.string()).nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "SavedView" });
