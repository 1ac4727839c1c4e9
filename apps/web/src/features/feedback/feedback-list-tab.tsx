import { PlusOutlined } from "@ant-design/icons";
import { FEEDBACK_STATUSES, type Feedback } from "@crm/contracts";
import {
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { usePermissions } from "../../shared/api";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { useDictionaries } from "../customers/use-customer-queries";
import { CustomerSelect } from "../relationship/activity-pickers";
import { DATE } from "../relationship/relationship-format";
import type { FeedbackFilters } from "./feedback-api";
import { PRIORITY_COLORS, STATUS_COLORS, TYPE_COLORS } from "./feedback-format";
import { HandlerSelect, ProductSelect } from "./feedback-pickers";
import { useFeedbackList } from "./use-feedback-queries";

/** The feedback list: filters above, overdue rows in red, a click opens the feedback. */
export function FeedbackListTab() {
  const { t } = useTranslation();
  const dictionaries = useDictionaries();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [filters, setFilters] = useState<FeedbackFilters>({});
  const q = useDebouncedValue(filters.q?.trim() || undefined, 300);
  const list = useFeedbackList({ ...filters, q });
  const set = (patch: Partial<FeedbackFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const customerLinks = can("customer:read");

  const columns: TableColumnsType<Feedback> = [
    {
      key: "number",
      title: t("feedback.fields.number"),
      width: 120,
      render: (_, r) => (
        <Link to={`/feedback/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {r.number}
        </Link>
      ),
    },
    {
      key: "subject",
      title: t("feedback.fields.subject"),
      render: (_, r) => (
        <Flex gap={6} wrap align="center">
          <Typography.Text strong={r.overdue} ellipsis={{ tooltip: r.subject }} style={{ maxWidth: 260 }}>
            {r.subject}
          </Typography.Text>
          {r.overdue && <Tag color="error">{t("feedback.list.overdue")}</Tag>}
          {r.reopenCount > 0 && (
            <Tag color="warning">{t("feedback.list.reopened", { count: r.reopenCount })}</Tag>
          )}
        </Flex>
      ),
    },
    {
      key: "customer",
      title: t("feedback.fields.customer"),
      render: (_, r) =>
        customerLinks ? (
          <Link to={`/customers/${r.customerId}`} onClick={(e) => e.stopPropagation()}>
            {r.customerName}
          </Link>
        ) : (
          r.customerName
        ),
    },
    {
      key: "type",
      title: t("feedback.fields.type"),
      width: 100,
      render: (_, r) => <Tag color={TYPE_COLORS[r.type]}>{dictionaries.label("feedback_type", r.type)}</Tag>,
    },
    {
      key: "priority",
      title: t("feedback.fields.priority"),
      width: 80,
      render: (_, r) => (
        <Tag color={PRIORITY_COLORS[r.priority]}>{t(`feedback.priorities.${r.priority}`)}</Tag>
      ),
    },
    {
      key: "status",
      title: t("feedback.fields.status"),
      width: 90,
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`feedback.statuses.${r.status}`)}</Tag>,
    },
    {
      key: "handler",
      title: t("feedback.fields.handler"),
      width: 100,
      render: (_, r) => r.handlerName ?? t("feedback.common.none"),
    },
    { key: "occurredOn", title: t("feedback.fields.occurredOn"), width: 110, dataIndex: "occurredOn" },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center" className="feedback-filters">
        <Select
          aria-label={t("feedback.fields.type")}
          value={filters.type ?? ""}
          onChange={(type: FeedbackFilters["type"] | "") => set({ type: type || undefined })}
          options={[
            { value: "", label: `${t("feedback.fields.type")}：${t("feedback.common.all")}` },
            ...dictionaries.options("feedback_type"),
          ]}
          style={{ width: 150 }}
        />
        <Select
          aria-label={t("feedback.fields.status")}
          value={filters.status ?? ""}
          onChange={(status: FeedbackFilters["status"] | "") => set({ status: status || undefined })}
          options={[
            { value: "", label: `${t("feedback.fields.status")}：${t("feedback.common.all")}` },
            ...FEEDBACK_STATUSES.map((k) => ({ value: k, label: t(`feedback.statuses.${k}`) })),
          ]}
          style={{ width: 140 }}
        />
        <HandlerSelect
          aria-label={t("feedback.fields.handler")}
          placeholder={t("feedback.fields.handler")}
          value={filters.handlerId}
          onChange={(handlerId) => set({ handlerId: handlerId ?? undefined })}
          hint={false}
          style={{ width: 150 }}
        />
        {customerLinks && (
          <div style={{ width: 220 }}>
            <CustomerSelect
              aria-label={t("feedback.fields.customer")}
              value={filters.customerId}
              onChange={(customerId) => set({ customerId: customerId ?? undefined })}
            />
          </div>
        )}
        {can("product:read") && (
          <ProductSelect
            aria-label={t("feedback.fields.product")}
            placeholder={t("feedback.fields.product")}
            value={filters.productId}
            onChange={(productId) => set({ productId: productId ?? undefined })}
            hint={false}
            style={{ width: 200 }}
          />
        )}
        <DatePicker.RangePicker
          aria-label={t("feedback.list.period")}
          value={[
            filters.from ? dayjs(filters.from, DATE) : null,
            filters.to ? dayjs(filters.to, DATE) : null,
          ]}
          onChange={(range) => set({ from: range?.[0]?.format(DATE), to: range?.[1]?.format(DATE) })}
          allowEmpty={[true, true]}
          style={{ width: 250 }}
        />
        <Input.Search
          aria-label={t("feedback.list.search")}
          placeholder={t("feedback.list.search")}
          allowClear
          value={filters.q ?? ""}
          onChange={(e) => set({ q: e.target.value || undefined })}
          style={{ width: 220 }}
        />
        <Checkbox
          checked={filters.overdue === "true"}
          onChange={(e) => set({ overdue: e.target.checked ? "true" : undefined })}
        >
          {t("feedback.list.overdueOnly")}
        </Checkbox>
        {can("feedback:delete") && (
          <Checkbox
            checked={filters.deleted === "true"}
            onChange={(e) => set({ deleted: e.target.checked ? "true" : undefined })}
          >
            {t("feedback.list.deleted")}
          </Checkbox>
        )}
        {can("feedback:create") && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => void navigate("/feedback/new")}
            style={{ marginLeft: "auto" }}
          >
            {t("feedback.list.new")}
          </Button>
        )}
      </Flex>
      <Table<Feedback>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t("feedback.list.empty") }}
        rowClassName={(r) => (r.overdue ? "feedback-row feedback-row--overdue" : "feedback-row")}
        onRow={(r) => ({ onClick: () => void navigate(`/feedback/${r.id}`) })}
      />
      {list.items.length > 0 && (
        <Flex justify="center">
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t("feedback.common.loadMore")}
            </Button>
          ) : (
            <Typography.Text type="secondary">
              {t("feedback.common.allLoaded", { count: list.items.length })}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Flex>
  );
}
