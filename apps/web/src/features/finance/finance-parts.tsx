import { Button, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ReceivableStatus } from "./finance-api";
import { formatMoney } from "./finance-format";

const STATUS_COLORS = { open: "processing", paid: "success", cancelled: "default" } as const;

export function StatusTag({ status }: { status: ReceivableStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`finance.statuses.${status}`)}</Tag>;
}

/** An amount, right-aligned by its column, red when asked (overdue, negative). */
export function Money({ value, danger, strong }: { value: string; danger?: boolean; strong?: boolean }) {
  return (
    <Typography.Text type={danger ? "danger" : undefined} strong={strong} className="finance-money">
      {formatMoney(value)}
    </Typography.Text>
  );
}

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
          {t("finance.common.loadMore")}
        </Button>
      ) : (
        <Typography.Text type="secondary">
          {t("finance.common.allLoaded", { count: props.count })}
        </Typography.Text>
      )}
    </Flex>
  );
}
