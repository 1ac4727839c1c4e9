import { z } from "zod";

/** The one pagination shape: an opaque cursor, a limit, and `nextCursor` (null at the end). */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const IdParams = z.object({ id: z.uuid() });
