import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { App, Button, Flex, Form, Radio, Select, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../shared/api";
import {
  DUPLICATE_POLICIES,
  type DuplicatePolicy,
  type ImportOptions,
  MATCH_KEYS,
  type MatchKey,
  saveBlob,
} from "./customers-io-api";
import { templateCsv } from "./import-template";

interface ImportFileStepProps {
  file: File | null;
  onFile: (file: File | null) => void;
  options: ImportOptions;
  onOptions: (options: ImportOptions) => void;
  /** The active custom fields' labels: extra columns of the template. */
  customHeaders: readonly string[];
  /** The column mapping, once a file is chosen. */
  children?: React.ReactNode;
}

const ACCEPTED = /\.(csv|xlsx)$/i;

/** Step 1: the file (kept in the browser until "upload and check"), what to do with duplicates. */
export function ImportFileStep({
  file,
  onFile,
  options,
  onOptions,
  customHeaders,
  children,
}: ImportFileStepProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const policy = options.duplicatePolicy;

  return (
    <Flex vertical gap={16}>
      <Upload.Dragger
        accept=".csv,.xlsx"
        multiple={false}
        maxCount={1}
        fileList={file ? [{ uid: "import", name: file.name, size: file.size, status: "done" }] : []}
        beforeUpload={(chosen) => {
          if (ACCEPTED.test(chosen.name)) onFile(chosen);
          else void message.error(t("customers.io.wrongType"));
          return false;
        }}
        onRemove={() => onFile(null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t("customers.io.dragger")}</p>
        <p className="ant-upload-hint">{t("customers.io.draggerHint")}</p>
      </Upload.Dragger>
      <div>
        <Button
          type="link"
          icon={<DownloadOutlined aria-hidden />}
          className="import-template-link"
          onClick={() =>
            saveBlob(
              new Blob([templateCsv(customHeaders)], { type: "text/csv;charset=utf-8" }),
              t("customers.io.templateFile"),
            )
          }
        >
          {t("customers.io.template")}
        </Button>
      </div>
      <Form layout="vertical" component="div">
        <Form.Item label={t("customers.io.duplicatePolicy")} extra={t(`customers.io.policyHints.${policy}`)}>
          <Radio.Group
            optionType="button"
            value={policy}
            onChange={(e) => onOptions({ ...options, duplicatePolicy: e.target.value as DuplicatePolicy })}
            options={DUPLICATE_POLICIES.map((p) => ({
              value: p,
              label: t(`customers.io.policies.${p}`),
              disabled: p === "create" && !can("customer:merge"),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t("customers.io.matchKey")}
          extra={t("customers.io.matchKeyHint")}
          htmlFor="import-match-key"
        >
          <Select<MatchKey>
            id="import-match-key"
            value={options.matchKey}
            disabled={policy === "create"}
            onChange={(matchKey) => onOptions({ ...options, matchKey })}
            options={MATCH_KEYS.map((k) => ({ value: k, label: t(`customers.io.matchKeys.${k}`) }))}
            className="import-match-key"
          />
        </Form.Item>
      </Form>
      {children}
    </Flex>
  );
}
