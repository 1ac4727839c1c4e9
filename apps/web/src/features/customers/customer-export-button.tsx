import { DownloadOutlined, DownOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/api";
import type { CustomerFilters } from "./customers-api";
import { type ExportFormat, exportCustomers } from "./customers-io-api";

/** 导出: the list under the current filters, as CSV or Excel (customer:export). */
export function CustomerExportButton({ filters }: { filters: CustomerFilters }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useMutation({
    mutationFn: (format: ExportFormat) => exportCustomers(filters, format),
    onSuccess: (name) => void message.success(t("customers.io.exported", { name })),
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          {
            type: "group",
            label: t("customers.io.exportHint"),
            children: [
              { key: "csv", label: t("customers.io.exportCsv") },
              { key: "xlsx", label: t("customers.io.exportXlsx") },
            ],
          },
        ],
        onClick: ({ key }) => run.mutate(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined aria-hidden />} loading={run.isPending}>
        {run.isPending ? t("customers.io.exporting") : t("customers.io.export")}
        <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
