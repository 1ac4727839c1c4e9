import type { CustomFieldDefinition, FieldError } from "@crm/contracts";
import type { FormInstance } from "antd";
import { useEffect, useState } from "react";
import { useInvalidateCustomFields } from "./use-custom-fields";

const PREFIX = "customFields.";
const keyOf = (error: FieldError) => error.field.slice(PREFIX.length);

/**
 * When an admin changed the custom fields while a form was open, the server refuses values of a
 * field now archived (`unknown_custom_field`) or asks for one the form does not show yet (a new
 * required field). Then the fields load again — the form keeps what was typed — and the messages of
 * fields that just appeared land on their inputs. Returns a handler for a failed save: true when the
 * failure was of that kind (so no other banner is needed).
 */
export function useStaleFieldRecovery(form: FormInstance, definitions: readonly CustomFieldDefinition[]) {
  const invalidate = useInvalidateCustomFields();
  const [pending, setPending] = useState<FieldError[]>([]);
  const keys = definitions.map((d) => d.key).join(",");

  useEffect(() => {
    const shown = keys.split(",");
    const ready = pending.filter((e) => shown.includes(keyOf(e)));
    if (!ready.length) return;
    form.setFields(ready.map((e) => ({ name: ["customFields", keyOf(e)], errors: [e.message] })));
    const first = ready[0];
    if (first) form.scrollToField(["customFields", keyOf(first)], { behavior: "smooth", block: "center" });
    setPending((list) => list.filter((e) => !ready.includes(e)));
  }, [keys, pending, form]);

  return (errors: readonly FieldError[]): boolean => {
    const shown = keys.split(",");
    const stale = errors.filter(
      (e) => e.field.startsWith(PREFIX) && (e.code === "unknown_custom_field" || !shown.includes(keyOf(e))),
    );
    if (!stale.length) return false;
    setPending(stale.filter((e) => e.code !== "unknown_custom_field"));
    void invalidate();
    return true;
  };
}
