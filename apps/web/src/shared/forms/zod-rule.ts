import type { FieldError } from "@crm/contracts";
import type { FormInstance, FormRule } from "antd";
import type { z } from "zod";
import { i18n } from "../i18n/i18n";

const customKeys = new Set(["password_needs_letter", "password_needs_digit"]);

function issueMessage(issue: z.core.$ZodIssue | undefined, field: string): string {
  if (!issue) return i18n.t("validation.invalid", { field });
  if (customKeys.has(issue.message)) {
    return i18n.t(`validation.${issue.message as "password_needs_letter" | "password_needs_digit"}`);
  }
  if (issue.code === "too_small") {
    const min = Number(issue.minimum);
    return min <= 1
      ? i18n.t("validation.required", { field })
      : i18n.t("validation.tooShort", { field, min });
  }
  if (issue.code === "too_big") return i18n.t("validation.tooLong", { field, max: Number(issue.maximum) });
  if (issue.code === "invalid_type") return i18n.t("validation.required", { field });
  return i18n.t("validation.invalid", { field });
}

/**
 * An antd Form rule that applies a zod schema (the same one the API validates with) and reports the
 * first issue as a translated message. `field` is the already translated field label. With
 * `optional`, an empty value (undefined, null, "" or []) is accepted without asking the schema.
 */
export function zodRule(schema: z.ZodType, field: string, options: { optional?: boolean } = {}): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const empty =
        value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length);
      if (options.optional && empty) return;
      const result = schema.safeParse(value ?? "");
      if (!result.success) throw new Error(issueMessage(result.error.issues[0], field));
    },
  };
}

/** Puts the server's per-field messages (already localised) onto the matching form fields. */
export function applyFieldErrors(
  form: FormInstance,
  errors: readonly FieldError[],
  fields: readonly string[],
): boolean {
  const known = new Set(fields);
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const name = error.field.split(".")[0] ?? error.field;
    if (!known.has(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), error.message]);
  }
  form.setFields([...byField].map(([name, messages]) => ({ name, errors: messages })));
  return byField.size > 0;
}
