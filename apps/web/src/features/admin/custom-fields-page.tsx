import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from "@ant-design/icons";
import {
  CUSTOM_FIELD_ENTITIES,
  type CustomFieldDefinition,
  type CustomFieldEntity,
  isChoiceType,
} from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Segmented,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../shared/api";
import { updateCustomField } from "../../shared/custom-fields/custom-fields-api";
import { useCustomFields, useInvalidateCustomFields } from "../../shared/custom-fields/use-custom-fields";
import { isConflict } from "./admin-format";
import { CustomFieldDrawer } from "./custom-field-drawer";
import { useInvalidateAdmin } from "./use-admin-queries";
import "./admin.css";

const isEntity = (value: string | null): value is CustomFieldEntity =>
  (CUSTOM_FIELD_ENTITIES as readonly (string | null)[]).includes(value);

/** Positions 10, 20, 30 … for the fields in this order: only those that differ need saving. */
export function reorderPatches(
  fields: readonly Pick<CustomFieldDefinition, "id" | "position" | "version">[],
  from: number,
  to: number,
): { id: string; version: number; position: number }[] {
  const order = [...fields];
  const [moved] = order.splice(from, 1);
  if (!moved) return [];
  order.splice(to, 0, moved);
  return order
    .map((f, i) => ({ id: f.id, version: f.version, position: (i + 1) * 10, before: f.position }))
    .filter((p) => p.position !== p.before)
    .map(({ before: _before, ...patch }) => patch);
}

/**
 * 自定义字段: the fields admins add to customers and contacts — create, edit, reorder, archive and
 * restore. The entity is in the URL (?entity=contact), so a reload stays on the same list.
 */
export function CustomFieldsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const raw = search.get("entity");
  const entity: CustomFieldEntity = isEntity(raw) ? raw : "customer";
  const [showArchived, setShowArchived] = useState(false);
  /** undefined: closed; null: a new field. */
  const [editing, setEditing] = useState<CustomFieldDefinition | null | undefined>();
  const fields = useCustomFields(entity, { archived: true });
  const invalidate = useInvalidateCustomFields();
  const invalidateAdmin = useInvalidateAdmin();
  const all = fields.data ?? [];
  const active = all.filter((f) => !f.archived);
  const archived = all.filter((f) => f.archived);
  const rows = showArchived ? [...active, ...archived] : active;
  const entityName = t(`admin.customFields.entities.${entity}`);
  const label = (f: CustomFieldDefinition) => (i18n.language === "en" && f.labelEn ? f.labelEn : f.label);

  const refresh = () => Promise.all([invalidate(), invalidateAdmin()]);
  const onError = (error: unknown) => {
    if (isConflict(error)) void message.warning(t("admin.common.conflictList"));
    else void message.error(errorMessage(error));
    void refresh();
  };
  const setArchived = useMutation({
    mutationFn: (f: CustomFieldDefinition) => updateCustomField(f.id, f.version, { archived: !f.archived }),
    onSuccess: (f) => {
      void message.success(
        t(f.archived ? "admin.customFields.archivedDone" : "admin.customFields.restoredDone", {
          name: label(f),
        }),
      );
      void refresh();
    },
    onError,
  });
  const move = useMutation({
    mutationFn: async ({ from, to }: { from: number; to: number }) => {
      // One at a time, each with its own If-Match: a stale version stops the rest.
      for (const patch of reorderPatches(active, from, to)) {
        await updateCustomField(patch.id, patch.version, { position: patch.position });
      }
    },
    onSuccess: () => {
      void message.success(t("admin.customFields.moved"));
      void refresh();
    },
    onError,
  });

  const columns: TableColumnsType<CustomFieldDefinition> = [
    {
      key: "order",
      title: t("admin.customFields.order"),
      width: 88,
      render: (_, f) => {
        const index = active.indexOf(f);
        if (index < 0) return null;
        return (
          <Space size={0}>
            <Tooltip title={t("admin.customFields.moveUp")}>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined aria-hidden />}
                aria-label={`${t("admin.customFields.moveUp")} ${label(f)}`}
                disabled={index === 0 || move.isPending}
                onClick={() => move.mutate({ from: index, to: index - 1 })}
              />
            </Tooltip>
            <Tooltip title={t("admin.customFields.moveDown")}>
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined aria-hidden />}
                aria-label={`${t("admin.customFields.moveDown")} ${label(f)}`}
                disabled={index === active.length - 1 || move.isPending}
                onClick={() => move.mutate({ from: index, to: index + 1 })}
              />
            </Tooltip>
          </Space>
        );
      },
    },
    {
      key: "label",
      title: t("admin.customFields.label"),
      render: (_, f) => (
        <Flex vertical gap={2}>
          <Typography.Text strong={!f.archived} type={f.archived ? "secondary" : undefined}>
            {f.label}
          </Typography.Text>
          {f.labelEn && (
            <Typography.Text type="secondary" className="custom-field-row__en">
              {f.labelEn}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: "key",
      title: t("admin.customFields.key"),
      render: (_, f) => <span className="admin-mono">{f.key}</span>,
    },
    {
      key: "type",
      title: t("admin.customFields.type"),
      width: 100,
      render: (_, f) => <Tag>{t(`customFields.types.${f.type}`)}</Tag>,
    },
    {
      key: "required",
      title: t("admin.customFields.required"),
      width: 70,
      align: "center",
      render: (_, f) => (f.required ? t("admin.common.yes") : <span className="admin-dim">—</span>),
    },
    {
      key: "unique",
      title: t("admin.customFields.unique"),
      width: 70,
      align: "center",
      render: (_, f) => (f.unique ? t("admin.common.yes") : <span className="admin-dim">—</span>),
    },
    {
      key: "options",
      title: t("admin.customFields.options"),
      render: (_, f) =>
        isChoiceType(f.type) ? (
          <Space size={[4, 4]} wrap>
            {f.options.slice(0, 4).map((o) => (
              <Tag key={o.value} className="custom-field-option">
                {o.label}
              </Tag>
            ))}
            {f.options.length > 4 && (
              <Typography.Text type="secondary">
                {t("admin.customFields.moreOptions", { count: f.options.length })}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <span className="admin-dim">—</span>
        ),
    },
    {
      key: "status",
      title: t("admin.customFields.status"),
      width: 90,
      render: (_, f) =>
        f.archived ? (
          <Tag>{t("admin.customFields.archived")}</Tag>
        ) : (
          <Tag color="green">{t("admin.customFields.active")}</Tag>
        ),
    },
    {
      key: "actions",
      title: t("admin.common.actions"),
      width: 130,
      render: (_, f) => (
        <Space size={0}>
          {!f.archived && (
            <Button type="link" size="small" onClick={() => setEditing(f)}>
              {t("admin.common.edit")}
            </Button>
          )}
          <Popconfirm
            title={
              f.archived
                ? t("admin.customFields.restoreConfirm", { name: label(f) })
                : t("admin.customFields.archiveConfirm", { name: label(f) })
            }
            description={
              f.archived ? undefined : (
                <div className="admin-confirm-hint">{t("admin.customFields.archiveConfirmHint")}</div>
              )
            }
            okButtonProps={{ danger: !f.archived }}
            onConfirm={() => setArchived.mutate(f)}
          >
            <Button type="link" size="small" danger={!f.archived}>
              {f.archived ? t("admin.customFields.restore") : t("admin.customFields.archive")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <Flex vertical gap={4}>
          <Typography.Text strong>{t("admin.customFields.empty", { entity: entityName })}</Typography.Text>
          <Typography.Text type="secondary">
            {t("admin.customFields.emptyHint", { entity: entityName })}
          </Typography.Text>
        </Flex>
      }
    >
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
        {t("admin.customFields.create")}
      </Button>
    </Empty>
  );

  return (
    <Card variant="borderless">
      <Typography.Paragraph type="secondary" className="admin-intro">
        {t("admin.customFields.intro")}
      </Typography.Paragraph>
      <Flex gap={12} wrap justify="space-between" align="center" className="admin-toolbar">
        <Flex gap={16} wrap align="center">
          <Segmented<CustomFieldEntity>
            value={entity}
            onChange={(value) => setSearch(value === "customer" ? {} : { entity: value }, { replace: true })}
            options={CUSTOM_FIELD_ENTITIES.map((e) => ({
              value: e,
              label: t(`admin.customFields.entities.${e}`),
            }))}
            aria-label={t("admin.customFields.entity")}
          />
          <Space>
            <Switch checked={showArchived} onChange={setShowArchived} id="custom-fields-show-archived" />
            <label htmlFor="custom-fields-show-archived">
              {t("admin.customFields.showArchived")}
              {archived.length > 0 && `（${archived.length}）`}
            </label>
          </Space>
        </Flex>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
          {t("admin.customFields.create")}
        </Button>
      </Flex>
      <Table<CustomFieldDefinition>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={fields.isFetching || move.isPending}
        pagination={false}
        scroll={{ x: "max-content" }}
        rowClassName={(f) => (f.archived ? "admin-row--muted" : "")}
        locale={{ emptyText: fields.isPending ? " " : empty }}
      />
      {fields.isError && <Typography.Text type="danger">{errorMessage(fields.error)}</Typography.Text>}
      {editing !== undefined && (
        <CustomFieldDrawer
          key={editing?.id ?? `new-${entity}`}
          entity={entity}
          field={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}
