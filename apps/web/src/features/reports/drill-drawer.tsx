import type { DrillRecords } from "@crm/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Alert, Button, Drawer, Flex, Table, type TableColumnsType, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../shared/api";
import { formatMoney } from "../customers/customer-format";
import { useDictionaries } from "../customers/use-customer-queries";
import { type DrillTarget, fetchRecords, type ReportFilters } from "./reports-api";

type Item<K extends DrillRecords["kind"]> = Extract<DrillRecords, { kind: K }>["items"][number];
type AnyItem = DrillRecords["items"][number];

const money = (v: string | null | undefined) => <span className="report-num">{formatMoney(v)}</span>;

/** The columns of each kind of record, each linking to the record itself. */
function useColumns(kind: DrillRecords["kind"] | undefined): TableColumnsType<AnyItem> {
  const { t } = useTranslation();
  const dictionaries = useDictionaries();
  const tx = (key: string) => t(key as never) as string;
  const c = (key: string) => tx(`reports.records.${key}`);
  const customer = (id: string, name: string) => <Link to={`/customers/${id}`}>{name}</Link>;
  switch (kind) {
    case "customers":
      return [
        { key: "code", title: c("code"), width: 110, render: (_, r) => (r as Item<"customers">).code },
        {
          key: "name",
          title: c("customer"),
          render: (_, r) => customer((r as Item<"customers">).id, (r as Item<"customers">).name),
        },
        {
          key: "province",
          title: c("province"),
          width: 100,
          render: (_, r) => (r as Item<"customers">).province,
        },
        {
          key: "class",
          title: c("class"),
          width: 130,
          render: (_, r) => dictionaries.label("customer_class", (r as Item<"customers">).class),
        },
        {
          key: "detail",
          title: c("figures"),
          render: (_, r) => {
            const d = (r as Item<"customers">).detail;
            if (!d) return (r as Item<"customers">).creditRating ?? "";
            return `M ${formatMoney(String(d.monetary))} · F ${d.frequency} · R ${d.recencyDays} · ${d.abc}`;
          },
        },
        { key: "owner", title: c("owner"), width: 90, render: (_, r) => (r as Item<"customers">).ownerName },
      ];
    case "transactions":
      return [
        { key: "date", title: c("date"), width: 110, render: (_, r) => (r as Item<"transactions">).date },
        {
          key: "customer",
          title: c("customer"),
          render: (_, r) =>
            customer((r as Item<"transactions">).customerId, (r as Item<"transactions">).customerName),
        },
        { key: "product", title: c("product"), render: (_, r) => (r as Item<"transactions">).productName },
        {
          key: "quantity",
          title: c("quantity"),
          align: "right",
          width: 80,
          render: (_, r) => (r as Item<"transactions">).quantity.replace(/\.?0+$/, ""),
        },
        {
          key: "amount",
          title: c("amount"),
          align: "right",
          width: 130,
          render: (_, r) => money((r as Item<"transactions">).amount),
        },
        {
          key: "order",
          title: c("order"),
          width: 130,
          render: (_, r) => {
            const x = r as Item<"transactions">;
            return x.orderId ? (
              <Link to={`/sales/orders/${x.orderId}`}>{x.orderNumber}</Link>
            ) : (
              (x.orderNumber ?? "")
            );
          },
        },
        {
          key: "owner",
          title: c("owner"),
          width: 90,
          render: (_, r) => (r as Item<"transactions">).ownerName,
        },
      ];
    case "orders":
      return [
        {
          key: "number",
          title: c("order"),
          width: 130,
          render: (_, r) => (
            <Link to={`/sales/orders/${(r as Item<"orders">).id}`}>{(r as Item<"orders">).number}</Link>
          ),
        },
        {
          key: "customer",
          title: c("customer"),
          render: (_, r) => customer((r as Item<"orders">).customerId, (r as Item<"orders">).customerName),
        },
        {
          key: "status",
          title: c("status"),
          width: 100,
          render: (_, r) => tx(`sales.statuses.${(r as Item<"orders">).status}`),
        },
        {
          key: "signing",
          title: c("signingDate"),
          width: 110,
          render: (_, r) => (r as Item<"orders">).signingDate,
        },
        {
          key: "total",
          title: c("amount"),
          align: "right",
          width: 130,
          render: (_, r) => money((r as Item<"orders">).total),
        },
      ];
    case "feedback":
      return [
        {
          key: "number",
          title: c("number"),
          width: 120,
          render: (_, r) => (
            <Link to={`/feedback/${(r as Item<"feedback">).id}`}>{(r as Item<"feedback">).number}</Link>
          ),
        },
        { key: "subject", title: c("subject"), render: (_, r) => (r as Item<"feedback">).subject },
        {
          key: "customer",
          title: c("customer"),
          render: (_, r) =>
            customer((r as Item<"feedback">).customerId, (r as Item<"feedback">).customerName),
        },
        {
          key: "type",
          title: c("type"),
          width: 90,
          render: (_, r) => dictionaries.label("feedback_type", (r as Item<"feedback">).type),
        },
        { key: "date", title: c("date"), width: 110, render: (_, r) => (r as Item<"feedback">).occurredOn },
        {
          key: "status",
          title: c("status"),
          width: 90,
          render: (_, r) => tx(`feedback.statuses.${(r as Item<"feedback">).status}`),
        },
        {
          key: "rating",
          title: c("rating"),
          width: 80,
          render: (_, r) => (r as Item<"feedback">).rating ?? "—",
        },
      ];
    case "contactRecords":
      return [
        {
          key: "at",
          title: c("date"),
          width: 150,
          render: (_, r) => (
            <Link to={`/relationship/records/${(r as Item<"contactRecords">).id}`}>
              {dayjs((r as Item<"contactRecords">).occurredAt).format("YYYY-MM-DD HH:mm")}
            </Link>
          ),
        },
        {
          key: "customer",
          title: c("customer"),
          render: (_, r) =>
            customer((r as Item<"contactRecords">).customerId, (r as Item<"contactRecords">).customerName),
        },
        {
          key: "channel",
          title: c("channel"),
          width: 80,
          render: (_, r) => tx(`relationship.channels.${(r as Item<"contactRecords">).channel}`),
        },
        { key: "content", title: c("content"), render: (_, r) => (r as Item<"contactRecords">).content },
        { key: "result", title: c("result"), render: (_, r) => (r as Item<"contactRecords">).result },
        {
          key: "owner",
          title: c("owner"),
          width: 90,
          render: (_, r) => (r as Item<"contactRecords">).ownerName,
        },
      ];
    case "balances":
      return [
        {
          key: "customer",
          title: c("customer"),
          render: (_, r) => (
            <Link to={`/finance/bills/customer/${(r as Item<"balances">).customerId}`}>
              {(r as Item<"balances">).customerName}
            </Link>
          ),
        },
        {
          key: "open",
          title: c("open"),
          align: "right",
          width: 130,
          render: (_, r) => money((r as Item<"balances">).open),
        },
        {
          key: "overdue",
          title: c("overdue"),
          align: "right",
          width: 130,
          render: (_, r) => money((r as Item<"balances">).overdue),
        },
        {
          key: "amount",
          title: c("counted"),
          align: "right",
          width: 130,
          render: (_, r) => money((r as Item<"balances">).amount),
        },
        { key: "owner", title: c("owner"), width: 90, render: (_, r) => (r as Item<"balances">).ownerName },
      ];
    default:
      return [];
  }
}

const rowKey = (r: AnyItem) => ("id" in r ? r.id : r.customerId);

/** 钻取: the records one figure counts, paged, each a link to itself. */
export function DrillDrawer({
  target,
  filters,
  onClose,
}: {
  target: DrillTarget | null;
  filters: ReportFilters;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const records = useInfiniteQuery({
    queryKey: ["reports", "records", target, filters],
    queryFn: ({ pageParam }) => fetchRecords(target!, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!target,
  });
  const first = records.data?.pages[0];
  const items: AnyItem[] = records.data?.pages.flatMap((p) => p.items as AnyItem[]) ?? [];
  const columns = useColumns(first?.kind);
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={960}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{target?.label}</span>
          {first && <Tag color="blue">{t("reports.records.total", { count: first.total })}</Tag>}
        </Flex>
      }
      destroyOnHidden
    >
      {records.isError && <Alert type="error" showIcon title={errorMessage(records.error)} />}
      <Table<AnyItem>
        rowKey={rowKey}
        size="small"
        columns={columns}
        dataSource={items}
        loading={records.isFetching}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t("reports.records.empty") }}
      />
      <Flex justify="center" style={{ marginTop: 12 }}>
        {records.hasNextPage ? (
          <Button onClick={() => void records.fetchNextPage()} loading={records.isFetchingNextPage}>
            {t("reports.records.more")}
          </Button>
        ) : (
          items.length > 0 && (
            <Typography.Text type="secondary">
              {t("reports.records.all", { count: items.length })}
            </Typography.Text>
          )
        )}
      </Flex>
    </Drawer>
  );
}
