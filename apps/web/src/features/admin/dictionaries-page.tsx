import { PlusOutlined } from "@ant-design/icons";
import { DICTIONARY_TYPES, type DictionaryItem, type DictionaryType } from "@crm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../shared/api";
import { DICTIONARIES_QUERY_KEY } from "../../shared/api/query-keys";
import { updateDictionaryItem } from "./admin-api";
import { isConflict } from "./admin-format";
import { DictionaryItemModal } from "./dictionary-item-modal";
import { useDictionaryItems, useInvalidateAdmin } from "./use-admin-queries";
import "./admin.css";

const isType = (value: string | null): value is DictionaryType =>
  (DICTIONARY_TYPES as readonly (string | null)[]).includes(value);

/**
 * 数据字典: the drop-down lists of customer records — add items, relabel and reorder them, retire
 * and bring them back. Codes never change. The list is in the URL (?type=industry).
 */
export function DictionariesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const invalidateAdmin = useInvalidateAdmin();
  const [search, setSearch] = useSearchParams();
  const raw = search.get("type");
  const type: DictionaryType = isType(raw) ? raw : "customer_class";
  /** undefined: closed; null: a new item. */
  const [editing, setEditing] = useState<DictionaryItem | null | undefined>();
  const items = useDictionaryItems(type);
  const list = [...(items.data ?? [])].sort(
    (a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
  );
  const nextSortOrder = Math.min(10_000, (list.at(-1)?.sortOrder ?? 0) + 10);
  const label = (item: DictionaryItem) =>
    i18n.language === "en" && item.labelEn ? item.labelEn : item.label;

  /** The admin list and the customer forms' drop-downs both load again. */
  const refresh = () =>
    Promise.all([
      invalidateAdmin("dictionaries"),
      client.invalidateQueries({ queryKey: DICTIONARIES_QUERY_KEY }),
    ]);

  const toggle = useMutation({
    mutationFn: (item: DictionaryItem) =>
      updateDictionaryItem(item.id, item.version, { active: !item.active }),
    onSuccess: (item) => {
      void message.success(
        t(item.active ? "admin.dictionaries.activated" : "admin.dictionaries.deactivated", {
          name: item.label,
        }),
      );
      void refresh();
    },
    onError: (error) => {
      if (isConflict(error)) void message.warning(t("admin.common.conflictList"));
      else void message.error(errorMessage(error));
      void refresh();
    },
  });

  const columns: TableColumnsType<DictionaryItem> = [
    {
      key: "code",
      title: t("admin.dictionaries.code"),
      width: 160,
      render: (_, item) => <span className="admin-mono">{item.code}</span>,
    },
    {
      key: "label",
      title: t("admin.dictionaries.label"),
      render: (_, item) => (
        <Typography.Text strong={item.active} type={item.active ? undefined : "secondary"}>
          {item.label}
        </Typography.Text>
      ),
    },
    {
      key: "labelEn",
      title: t("admin.dictionaries.labelEn"),
      render: (_, item) => item.labelEn ?? <span className="admin-dim">—</span>,
    },
    {
      key: "sortOrder",
      title: t("admin.dictionaries.sortOrder"),
      dataIndex: "sortOrder",
      width: 90,
      align: "right",
    },
    {
      key: "status",
      title: t("admin.dictionaries.status"),
      width: 90,
      render: (_, item) =>
        item.active ? (
          <Tag color="green">{t("admin.common.active")}</Tag>
        ) : (
          <Tag>{t("admin.common.disabled")}</Tag>
        ),
    },
    {
      key: "actions",
      title: t("admin.common.actions"),
      width: 130,
      render: (_, item) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(item)}>
            {t("admin.common.edit")}
          </Button>
          <Popconfirm
            title={
              item.active
                ? t("admin.dictionaries.deactivateConfirm", { name: label(item) })
                : t("admin.dictionaries.activateConfirm", { name: label(item) })
            }
            okButtonProps={{ danger: item.active }}
            onConfirm={() => toggle.mutate(item)}
          >
            <Button type="link" size="small" danger={item.active}>
              {item.active ? t("admin.dictionaries.deactivate") : t("admin.dictionaries.activate")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card variant="borderless">
      <Typography.Paragraph type="secondary" className="admin-intro">
        {t("admin.dictionaries.intro")}
      </Typography.Paragraph>
      <Flex gap={12} wrap justify="space-between" align="center" className="admin-toolbar">
        <Segmented<DictionaryType>
          value={type}
          onChange={(value) => setSearch({ type: value }, { replace: true })}
          options={DICTIONARY_TYPES.map((value) => ({
            value,
            label: t(`admin.dictionaries.types.${value}`),
          }))}
          aria-label={t("admin.dictionaries.type")}
        />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
          {t("admin.dictionaries.create")}
        </Button>
      </Flex>
      <Table<DictionaryItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list}
        loading={items.isFetching}
        pagination={false}
        rowClassName={(item) => (item.active ? "" : "admin-row--muted")}
        locale={{
          emptyText: items.isPending ? (
            " "
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("admin.dictionaries.empty")} />
          ),
        }}
      />
      {items.isError && <Typography.Text type="danger">{errorMessage(items.error)}</Typography.Text>}
      {list.length > 0 && (
        <Flex justify="center" className="admin-load-more">
          <Typography.Text type="secondary">
            {t("admin.dictionaries.count", {
              count: list.length,
              active: list.filter((i) => i.active).length,
            })}
          </Typography.Text>
        </Flex>
      )}
      {editing !== undefined && (
        <DictionaryItemModal
          key={editing?.id ?? `new-${type}`}
          type={type}
          item={editing}
          nextSortOrder={nextSortOrder}
          onClose={() => setEditing(undefined)}
          onSaved={(item, created) => {
            void message.success(
              created
                ? t("admin.dictionaries.created", { name: item.label })
                : t("admin.dictionaries.updated"),
            );
            setEditing(undefined);
            void refresh();
          }}
        />
      )}
    </Card>
  );
}
