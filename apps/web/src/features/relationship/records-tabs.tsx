import { PlusOutlined } from "@ant-design/icons";
import type { CareRecord, ContactRecord } from "@crm/contracts";
import { Button, Flex, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { usePermissions } from "../../shared/api";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import {
  ActivityFilterBar,
  ActivityNotFound,
  type ListFilters,
  LoadMore,
  OwnerCell,
} from "./activity-list-parts";
import { CareRecordDrawer } from "./care-record-drawer";
import { ContactRecordDrawer } from "./contact-record-drawer";
import { formatDateTime } from "./relationship-format";
import {
  useCareRecord,
  useCareRecords,
  useContactRecord,
  useContactRecords,
} from "./use-relationship-queries";

const CHANNEL_COLORS = {
  phone: "blue",
  visit: "green",
  meeting: "geekblue",
  email: "cyan",
  wechat: "lime",
  other: "default",
} as const;

function useListFilters() {
  const [filters, setFilters] = useState<ListFilters>({});
  const q = useDebouncedValue(filters.q?.trim() || undefined, 300);
  return { filters, setFilters, query: { ...filters, q } };
}

/** 联系记录: the list with its filters; /relationship/records/:id opens one in the drawer. */
export function ContactRecordsTab({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { filters, setFilters, query } = useListFilters();
  const list = useContactRecords(query);
  const one = useContactRecord(id);
  const [creating, setCreating] = useState(false);
  const close = () => void navigate("/relationship/records");

  if (id && one.isError) return <ActivityNotFound error={one.error} back="/relationship/records" />;

  const columns: TableColumnsType<ContactRecord> = [
    {
      key: "occurredAt",
      title: t("relationship.records.fields.occurredAt"),
      width: 150,
      render: (_, r) => formatDateTime(r.occurredAt),
    },
    {
      key: "customer",
      title: t("relationship.common.customer"),
      render: (_, r) => (
        <Link to={`/customers/${r.customerId}`} onClick={(e) => e.stopPropagation()}>
          {r.customerName}
        </Link>
      ),
    },
    {
      key: "channel",
      title: t("relationship.records.fields.channel"),
      width: 90,
      render: (_, r) => (
        <Tag color={CHANNEL_COLORS[r.channel]}>{t(`relationship.channels.${r.channel}`)}</Tag>
      ),
    },
    {
      key: "content",
      title: t("relationship.records.fields.content"),
      render: (_, r) => (
        <Typography.Text ellipsis={{ tooltip: r.content }} style={{ maxWidth: 320 }}>
          {r.contactName ? `${r.contactName}：` : ""}
          {r.content}
        </Typography.Text>
      ),
    },
    {
      key: "next",
      title: t("relationship.records.fields.nextFollowUpOn"),
      width: 120,
      render: (_, r) => r.nextFollowUpOn ?? t("relationship.common.none"),
    },
    {
      key: "owner",
      title: t("relationship.common.owner"),
      width: 150,
      render: (_, r) => <OwnerCell name={r.ownerName} readOnly={r.readOnly} />,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <ActivityFilterBar
        value={filters}
        onChange={setFilters}
        extra={
          can("activity:create") && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
              style={{ marginLeft: "auto" }}
            >
              {t("relationship.records.new")}
            </Button>
          )
        }
      />
      <Table<ContactRecord>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("relationship.records.empty") }}
        onRow={(r) => ({
          onClick: () => void navigate(`/relationship/records/${r.id}`),
          className: "activity-row",
        })}
      />
      <LoadMore
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {creating && <ContactRecordDrawer record={null} onClose={() => setCreating(false)} />}
      {id && one.data && <ContactRecordDrawer key={id} record={one.data} onClose={close} />}
    </Flex>
  );
}

/** 关怀记录: the same pattern as the contact records. */
export function CareRecordsTab({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { filters, setFilters, query } = useListFilters();
  const list = useCareRecords(query);
  const one = useCareRecord(id);
  const [creating, setCreating] = useState(false);
  const close = () => void navigate("/relationship/care");

  if (id && one.isError) return <ActivityNotFound error={one.error} back="/relationship/care" />;

  const columns: TableColumnsType<CareRecord> = [
    {
      key: "careDate",
      title: t("relationship.care.fields.careDate"),
      width: 120,
      render: (_, r) => r.careDate,
    },
    {
      key: "customer",
      title: t("relationship.common.customer"),
      render: (_, r) => (
        <Link to={`/customers/${r.customerId}`} onClick={(e) => e.stopPropagation()}>
          {r.customerName}
        </Link>
      ),
    },
    {
      key: "contact",
      title: t("relationship.common.contact"),
      width: 120,
      render: (_, r) => r.contactName ?? t("relationship.common.none"),
    },
    {
      key: "kind",
      title: t("relationship.care.fields.kind"),
      width: 110,
      render: (_, r) => <Tag color="magenta">{t(`relationship.careKinds.${r.kind}`)}</Tag>,
    },
    {
      key: "content",
      title: t("relationship.care.fields.content"),
      render: (_, r) => (
        <Typography.Text ellipsis={{ tooltip: r.content }} style={{ maxWidth: 320 }}>
          {r.content}
        </Typography.Text>
      ),
    },
    {
      key: "owner",
      title: t("relationship.common.owner"),
      width: 150,
      render: (_, r) => <OwnerCell name={r.ownerName} readOnly={r.readOnly} />,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <ActivityFilterBar
        value={filters}
        onChange={setFilters}
        extra={
          can("activity:create") && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
              style={{ marginLeft: "auto" }}
            >
              {t("relationship.care.new")}
            </Button>
          )
        }
      />
      <Table<CareRecord>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("relationship.care.empty") }}
        onRow={(r) => ({
          onClick: () => void navigate(`/relationship/care/${r.id}`),
          className: "activity-row",
        })}
      />
      <LoadMore
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {creating && <CareRecordDrawer record={null} onClose={() => setCreating(false)} />}
      {id && one.data && <CareRecordDrawer key={id} record={one.data} onClose={close} />}
    </Flex>
  );
}
