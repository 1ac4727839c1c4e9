import type { AuditEntry } from "@crm/contracts";
import {
  Button,
  Card,
  DatePicker,
  Flex,
  type GetProps,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import type { AuditFilters } from "./admin-api";
import { formatDateTime } from "./admin-format";
import { AuditChangesTable, isAuditField } from "./audit-changes-table";
import { useAuditPages, useDepartments, useRoles } from "./use-admin-queries";
import { UserSelect } from "./user-select";
import "./admin.css";

type RangeValue = GetProps<typeof DatePicker.RangePicker>["value"];

const ENTITY_TYPES = [
  "user",
  "department",
  "role",
  "custom_field",
  "dictionary_item",
  "system_settings",
  "api_key",
  "webhook",
] as const;
const ACTIONS = [
  "create",
  "update",
  "move",
  "permission_change",
  "disable",
  "enable",
  "delete",
  "restore",
  "archive",
  "password_reset",
  "password_change",
  "login",
  "login_failed",
  "logout",
  "refresh_token_reuse",
  "revoke",
  "rotate_secret",
] as const;
type EntityType = (typeof ENTITY_TYPES)[number];
type Action = (typeof ACTIONS)[number];
const isEntityType = (v: string): v is EntityType => (ENTITY_TYPES as readonly string[]).includes(v);
const isAction = (v: string): v is Action => (ACTIONS as readonly string[]).includes(v);

const DANGER: ReadonlySet<string> = new Set(["delete", "disable", "login_failed", "refresh_token_reuse"]);
const NOTICE: ReadonlySet<string> = new Set(["permission_change", "password_reset", "move"]);

/** 审计日志: who changed what and when, newest first; a row opens to its field diff. Read-only. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const [actorId, setActorId] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [range, setRange] = useState<RangeValue>(null);
  const filters: AuditFilters = {
    actorId: actorId ?? undefined,
    entityType,
    action,
    from: range?.[0]?.startOf("day").toISOString(),
    to: range?.[1]?.endOf("day").toISOString(),
  };
  const audit = useAuditPages(filters);
  const departments = useDepartments(can("department:read"));
  const roles = useRoles(true, can("role:read"));
  const names = (id: string) =>
    departments.data?.find((d) => d.id === id)?.name ?? roles.data?.find((r) => r.id === id)?.name;

  const actionLabel = (a: string) => (isAction(a) ? t(`admin.audit.actions.${a}`) : a);
  const typeLabel = (type: string) => (isEntityType(type) ? t(`admin.audit.entityTypes.${type}`) : type);

  const columns: TableColumnsType<AuditEntry> = [
    {
      key: "at",
      title: t("admin.audit.at"),
      width: 180,
      render: (_, e) => formatDateTime(e.at, i18n.language),
    },
    {
      key: "actor",
      title: t("admin.audit.actor"),
      width: 140,
      render: (_, e) => e.actorName ?? t("admin.audit.system"),
    },
    {
      key: "action",
      title: t("admin.audit.action"),
      width: 130,
      render: (_, e) => (
        <Tag color={DANGER.has(e.action) ? "red" : NOTICE.has(e.action) ? "orange" : "blue"}>
          {actionLabel(e.action)}
        </Tag>
      ),
    },
    {
      key: "type",
      title: t("admin.audit.entityType"),
      width: 110,
      render: (_, e) => typeLabel(e.entityType),
    },
    {
      key: "entity",
      title: t("admin.audit.entity"),
      render: (_, e) => {
        const name = e.entityId
          ? (names(e.entityId) ?? (e.entityId === e.actorId ? e.actorName : null))
          : null;
        return (
          name ?? (
            <Typography.Text type="secondary" copyable={e.entityId ? { text: e.entityId } : false}>
              {e.entityId?.slice(0, 8) ?? "—"}
            </Typography.Text>
          )
        );
      },
    },
    {
      key: "changes",
      title: t("admin.audit.changes"),
      render: (_, e) => {
        const fields = Object.keys(e.changes ?? {});
        const labels = fields.map((f) => (isAuditField(f) ? t(`admin.audit.fields.${f}`) : f));
        return labels.length ? labels.join(t("admin.audit.listSeparator")) : "—";
      },
    },
    { key: "ip", title: t("admin.audit.ip"), dataIndex: "ip", width: 130 },
  ];

  return (
    <Card variant="borderless">
      <Flex gap={12} wrap className="admin-toolbar">
        {can("user:read") && (
          <div style={{ width: 220 }}>
            <UserSelect
              value={actorId}
              onChange={setActorId}
              placeholder={t("admin.audit.allActors")}
              aria-label={t("admin.audit.actor")}
            />
          </div>
        )}
        <Select
          allowClear
          value={entityType}
          onChange={setEntityType}
          placeholder={t("admin.audit.allTypes")}
          aria-label={t("admin.audit.entityType")}
          style={{ width: 160 }}
          options={ENTITY_TYPES.map((v) => ({ value: v, label: typeLabel(v) }))}
        />
        <Select
          allowClear
          value={action}
          onChange={setAction}
          placeholder={t("admin.audit.allActions")}
          aria-label={t("admin.audit.action")}
          style={{ width: 160 }}
          options={ACTIONS.map((v) => ({ value: v, label: actionLabel(v) }))}
        />
        <DatePicker.RangePicker value={range} onChange={setRange} aria-label={t("admin.audit.period")} />
      </Flex>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={audit.items}
        loading={audit.isFetching && !audit.isFetchingNextPage}
        pagination={false}
        expandable={{
          rowExpandable: (e) => Object.keys(e.changes ?? {}).length > 0,
          expandedRowRender: (e) => <AuditChangesTable entry={e} names={names} />,
        }}
      />
      {audit.isError && <Typography.Text type="danger">{errorMessage(audit.error)}</Typography.Text>}
      <Flex justify="center" className="admin-load-more">
        {audit.hasNextPage ? (
          <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            {t("admin.common.loadMore")}
          </Button>
        ) : (
          audit.items.length > 0 && (
            <Typography.Text type="secondary">
              {t("admin.common.allLoaded", { count: audit.items.length })}
            </Typography.Text>
          )
        )}
      </Flex>
    </Card>
  );
}
