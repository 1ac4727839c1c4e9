import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { i18n } from "../../shared/i18n/i18n";

/** An option row as the form holds it; `saved` ones exist on the server and keep their value. */
export interface OptionRow {
  value: string;
  label: string;
  saved?: boolean;
}

const OPTION_FORMAT = /^[^,;|]+$/;

/** The value an option is stored with: the one typed, or its label when left empty. */
export const optionValue = (row: Partial<OptionRow> | undefined) =>
  (row?.value ?? "").trim() || (row?.label ?? "").trim();

/** The whole list's check: at least one option, at most 200, no value twice. */
export async function validateOptionList(rows: readonly Partial<OptionRow>[] | undefined) {
  const list = rows ?? [];
  if (list.length === 0) throw new Error(i18n.t("admin.customFields.optionsRequired"));
  if (list.length > 200) throw new Error(i18n.t("admin.customFields.optionsTooMany"));
  const seen = new Set<string>();
  for (const row of list) {
    const value = optionValue(row);
    if (!value) continue;
    if (seen.has(value)) throw new Error(i18n.t("admin.customFields.optionRepeated", { value }));
    seen.add(value);
  }
}

/**
 * The options of a choice field: rows of value and label to add, remove and reorder. Saved values
 * cannot change (records hold them); their labels can.
 */
export function CustomFieldOptionsEditor({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="options" rules={[{ validator: (_rule, rows) => validateOptionList(rows) }]}>
      {(rows, { add, remove, move }, { errors }) => (
        <div className="option-editor">
          {rows.length > 0 && (
            <Flex gap={8} className="option-editor__head" aria-hidden>
              <span className="option-editor__value">{t("admin.customFields.optionValue")}</span>
              <span className="option-editor__label">{t("admin.customFields.optionLabel")}</span>
            </Flex>
          )}
          {rows.map((row, index) => (
            <Flex key={row.key} gap={8} align="flex-start" className="option-editor__row">
              <Form.Item noStyle shouldUpdate>
                {(form) => {
                  const saved = form.getFieldValue(["options", row.name, "saved"]) === true;
                  return (
                    <Form.Item
                      name={[row.name, "value"]}
                      className="option-editor__value"
                      rules={[
                        { max: 40, message: t("admin.customFields.optionTooLong") },
                        {
                          validator: async (_rule, value: string | undefined) => {
                            if (value?.trim() && !OPTION_FORMAT.test(value.trim()))
                              throw new Error(t("admin.customFields.optionFormat"));
                          },
                        },
                      ]}
                      tooltip={saved ? t("admin.customFields.optionValueFixed") : undefined}
                    >
                      <Input
                        disabled={disabled || saved}
                        title={saved ? t("admin.customFields.optionValueFixed") : undefined}
                        placeholder={t("admin.customFields.optionValuePlaceholder")}
                        aria-label={`${t("admin.customFields.optionValue")} ${index + 1}`}
                        maxLength={40}
                        autoComplete="off"
                      />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              <Form.Item
                name={[row.name, "label"]}
                className="option-editor__label"
                rules={[
                  { required: true, whitespace: true, message: t("admin.customFields.optionLabelRequired") },
                  { max: 40, message: t("admin.customFields.optionTooLong") },
                ]}
              >
                <Input
                  disabled={disabled}
                  aria-label={`${t("admin.customFields.optionLabel")} ${index + 1}`}
                  maxLength={40}
                  autoComplete="off"
                />
              </Form.Item>
              <Flex className="option-editor__actions">
                <Tooltip title={t("admin.customFields.optionUp")}>
                  <Button
                    type="text"
                    icon={<ArrowUpOutlined aria-hidden />}
                    aria-label={`${t("admin.customFields.optionUp")} ${index + 1}`}
                    disabled={disabled || index === 0}
                    onClick={() => move(index, index - 1)}
                  />
                </Tooltip>
                <Tooltip title={t("admin.customFields.optionDown")}>
                  <Button
                    type="text"
                    icon={<ArrowDownOutlined aria-hidden />}
                    aria-label={`${t("admin.customFields.optionDown")} ${index + 1}`}
                    disabled={disabled || index === rows.length - 1}
                    onClick={() => move(index, index + 1)}
                  />
                </Tooltip>
                <Tooltip title={t("admin.customFields.optionRemove")}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${t("admin.customFields.optionRemove")} ${index + 1}`}
                    disabled={disabled}
                    onClick={() => remove(row.name)}
                  />
                </Tooltip>
              </Flex>
            </Flex>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined aria-hidden />}
            disabled={disabled || rows.length >= 200}
            onClick={() => add({ value: "", label: "" })}
          >
            {t("admin.customFields.optionAdd")}
          </Button>
          <Form.ErrorList errors={errors} />
          <Typography.Text type="secondary" className="option-editor__hint">
            {t("admin.customFields.optionsHint")}
          </Typography.Text>
        </div>
      )}
    </Form.List>
  );
}
