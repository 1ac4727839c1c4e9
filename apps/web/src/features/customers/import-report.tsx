import { DownloadOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Flex, Row, Statistic, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/api";
import { downloadImportErrors, type ImportJob } from "./customers-io-api";

interface ErrorLine {
  key: string;
  row: number;
  field: string;
  message: string;
}

/** A field's label in the UI language (`mapping.city` is the city column); unknown fields as they are. */
export function useFieldLabel() {
  const { t, i18n } = useTranslation();
  return (field: string) => {
    const key = `customers.fields.${field.replace(/^mapping\./, "")}`;
    return i18n.exists(key) ? t(key as "customers.fields.name") : field;
  };
}

/** The five numbers of a dry run, as cards. */
export function ImportStatistics({ job, done = false }: { job: ImportJob; done?: boolean }) {
  const { t } = useTranslation();
  const cards = [
    { key: "total", value: job.totalRows },
    { key: done ? "created" : "toCreate", value: job.toCreate, color: "#2854e0" },
    { key: done ? "updated" : "toUpdate", value: job.toUpdate },
    { key: done ? "skipped" : "toSkip", value: job.toSkip },
    { key: "errorRows", value: job.errorRows, color: job.errorRows ? "#cf1322" : undefined },
  ] as const;
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} flex="1 1 0" style={{ minWidth: 110 }}>
          <Card size="small" className="import-stat">
            <Statistic
              title={t(`customers.io.${c.key}`)}
              value={c.value}
              styles={{ content: { color: "color" in c ? c.color : undefined } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Step 2: what the dry run found; nothing has been written. */
export function ImportReview({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: () => downloadImportErrors(job.id),
    onError: (error) => void message.error(errorMessage(error)),
  });
  const fieldLabel = useFieldLabel();
  const lines: ErrorLine[] = job.errors.flatMap((r) =>
    r.errors.map((e, i) => ({
      key: `${r.row}-${i}`,
      row: r.row,
      field: fieldLabel(e.field),
      message: e.message,
    })),
  );

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t("customers.io.dryRunNote")} />
      <ImportStatistics job={job} />
      {job.errorRows > 0 ? (
        <Flex vertical gap={8}>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text strong>{t("customers.io.errorsTitle")}</Typography.Text>
            <Button
              size="small"
              icon={<DownloadOutlined aria-hidden />}
              loading={download.isPending}
              onClick={() => download.mutate()}
            >
              {t("customers.io.downloadErrors")}
            </Button>
          </Flex>
          <Table<ErrorLine>
            size="small"
            rowKey="key"
            dataSource={lines}
            pagination={lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ y: 240 }}
            aria-label={t("customers.io.errorsTitle")}
            columns={[
              { key: "row", dataIndex: "row", title: t("customers.io.row"), width: 80 },
              { key: "field", dataIndex: "field", title: t("customers.io.field"), width: 160 },
              { key: "message", dataIndex: "message", title: t("customers.io.message") },
            ]}
          />
          {job.errorRows > job.errors.length && (
            <Typography.Text type="secondary">
              {t("customers.io.errorsMore", { count: job.errors.length })}
            </Typography.Text>
          )}
        </Flex>
      ) : (
        <Typography.Text type="success">{t("customers.io.noErrors")}</Typography.Text>
      )}
    </Flex>
  );
}
