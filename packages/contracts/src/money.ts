import { z } from "zod";

/** Money as an exact decimal string, never a float: up to 14 integer digits and 2 decimals. */
export const Money = z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, { error: "money_format" });
