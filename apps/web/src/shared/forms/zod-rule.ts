import type { FieldError } from "@crm/contracts";
import type { FormInstance, FormRule } from "antd";
import type { z } from "zod";
import { i18n } from "../i18n/i18n";

const customKeys = new Set(["password_needs_letter", "password_needs_digit", "password_too_common"]);

function issueMessage(issue: z.core.$ZodIssue | undefined, field: string): string {
  if (!issue) return i18n.t("validation.invalid", { field });
  if (customKeys.has(issue.message)) {
    return i18n.t(
      `validation.${issue.message as "password_needs_letter" | "password_needs_digit" | "password_too_common"}`,
    );
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
 * `optional`, an empty value (undefined, null, "" or []) is accepted without asking the schema;
 * otherwise it is reported as required ("please select" with `choice`).
 */
export function zodRule(
  schema: z.ZodType,
  field: string,
  options: { optional?: boolean; choice?: boolean } = {},
): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const empty =
        value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length);
      if (options.optional && empty) return;
      const result = schema.safeParse(value ?? "");
      if (result.success) return;
      // Nothing given is "required" (please select, for a choice), never "not valid".
      if (empty)
        throw new Error(
          i18n.t(options.choice ? "validation.requiredChoice" : "validation.required", { field }),
        );
      throw new Error(issueMessage(result.error.issues[0], field));
    },
  };
}

/** Fields whose server paths go one level deeper (`customFields.<key>`) and map to nested form names. */
const NESTED = new Set(["customFields"]);

/** The form name of a server field path: `name`, or `["customFields", key]` for a custom field. */
export function formNameOf(field: string): string | [string, string] {
  const [head = field, ...rest] = field.split(".");
  return NESTED.has(head) && rest.length ? [head, rest.join(".")] : head;
}

/**
 * Puts the server's per-field messages (already localised) onto the matching form fields;
 * `customFields.<key>` lands on the input of that custom field when the form has it (`customKeys`).
 */
export function applyFieldErrors(
  form: FormInstance,
  errors: readonly FieldError[],
  fields: readonly string[],
  customKeys: readonly string[] = [],
): boolean {
  const known = new Set(fields);
  const byField = new Map<string, { name: string | [string, string]; messages: string[] }>();
  for (const error of errors) {
    if (!isFormField(error.field, fields, customKeys)) continue;
    const name = formNameOf(error.field);
    const id = Array.isArray(name) ? name.join(".") : name;
    if (!Array.isArray(name) && !known.has(name)) continue;
    const entry = byField.get(id) ?? { name, messages: [] };
    entry.messages.push(error.message);
    byField.set(id, entry);
  }
  form.setFields([...byField.values()].map(({ name, messages }) => ({ name, errors: messages })));
  return byField.size > 0;
}

/** Whether a server error names an input of the form (so it shows there, not in a banner). */
export function isFormField(field: string, fields: readonly string[], customKeys: readonly string[] = []) {
  const name = formNameOf(field);
  if (Array.isArray(name)) return fields.includes(name[0]) && customKeys.includes(name[1]);
  return fields.includes(name);
}
