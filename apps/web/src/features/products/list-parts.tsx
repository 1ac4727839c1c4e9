import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { downloadCsv } from "../../shared/export-csv";

/** "Load more" under a cursor list, or how many there are once all are loaded. */
export function LoadMore(props: {
  count: number;
  hasNextPage: boolean;
  loading: boolean;
  onLoad: () => void;
}) {
  const { t } = useTranslation();
  if (!props.count) return null;
  return (
    <Flex justify="center" style={{ marginTop: 12 }}>
      {props.hasNextPage ? (
        <Button onClick={props.onLoad} loading={props.loading}>
          {t("products.common.loadMore")}
        </Button>
      ) : (
        <Typography.Text type="secondary">
          {t("products.common.allLoaded", { count: props.count })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 导出 CSV of the rows loaded in the list (these lists have no export endpoint of their own). */
export function CsvButton(props: { fileName: string; header: string[]; rows: () => unknown[][] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      onClick={() => {
        const rows = props.rows();
        const day = new Date().toISOString().slice(0, 10);
        downloadCsv(`${props.fileName}-${day}.csv`, props.header, rows);
        void message.success(t("products.common.exported", { count: rows.length }));
      }}
    >
      {t("products.common.exportCsv")}
    </Button>
  );
}
