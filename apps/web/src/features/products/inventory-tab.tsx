import { HistoryOutlined, SwapOutlined, WarningOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Checkbox,
  Flex,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../shared/api";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { CsvButton, LoadMore } from "./list-parts";
import { MovementHistoryDrawer } from "./movement-history-drawer";
import { MovementModal } from "./movement-modal";
import type { InventoryItem } from "./products-api";
import { formatQuantity } from "./products-format";
import { useCategories, useInventory } from "./use-products-queries";

/** 库存信息: every product's current stock, the low ones flagged; movements and their history. */
export function InventoryTab() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const categories = useCategories();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300) || undefined;
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [lowOnly, setLowOnly] = useState(false);
  const list = useInventory({ q, categoryId, lowStock: lowOnly ? "true" : undefined });
  const [moving, setMoving] = useState<{ product?: InventoryItem } | null>(null);
  const [history, setHistory] = useState<InventoryItem | "all" | null>(null);
  const low = list.items.filter((i) => i.lowStock).length;

  const columns: TableColumnsType<InventoryItem> = [
    {
      key: "code",
      title: t("products.fields.code"),
      width: 90,
      render: (_, i) => <Typography.Text strong>{i.code}</Typography.Text>,
    },
    { key: "name", title: t("products.fields.name"), render: (_, i) => i.name },
    { key: "category", title: t("products.fields.category"), width: 120, render: (_, i) => i.categoryName },
    {
      key: "stock",
      title: t("products.fields.stock"),
      width: 160,
      align: "right",
      render: (_, i) => (
        <Flex gap={6} justify="flex-end" align="center">
          {i.lowStock && (
            <Tag color="red" icon={<WarningOutlined aria-hidden />}>
              {t("products.catalog.lowStock")}
            </Tag>
          )}
          <Typography.Text strong type={i.lowStock ? "danger" : undefined} data-testid={`stock-${i.code}`}>
            {formatQuantity(i.stock)}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: "unit", title: t("products.fields.unit"), width: 60, render: (_, i) => i.unit },
    {
      key: "threshold",
      title: t("products.inventory.threshold"),
      width: 90,
      align: "right",
      render: (_, i) => formatQuantity(i.lowStockThreshold) || t("products.common.none"),
    },
    {
      key: "actions",
      title: t("products.common.actions"),
      width: 200,
      render: (_, i) => (
        <Flex gap={4}>
          <Button
            size="small"
            type="link"
            icon={<HistoryOutlined aria-hidden />}
            onClick={() => setHistory(i)}
          >
            {t("products.inventory.history")}
          </Button>
          {can("inventory:adjust") && (
            <Button
              size="small"
              type="link"
              icon={<SwapOutlined aria-hidden />}
              onClick={() => setMoving({ product: i })}
            >
              {t("products.inventory.newMovement")}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Input.Search
          aria-label={t("products.inventory.search")}
          placeholder={t("products.inventory.search")}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t("products.fields.category")}
          value={categoryId ?? ""}
          onChange={(v: string) => setCategoryId(v || undefined)}
          options={[
            { value: "", label: t("products.catalog.allCategories") },
            ...(categories.data ?? []).map((c) => ({ value: c.id, label: `${c.letter} · ${c.name}` })),
          ]}
          style={{ width: 160 }}
        />
        <Checkbox checked={lowOnly} onChange={(e) => setLowOnly(e.target.checked)}>
          {t("products.inventory.lowStockOnly")}
        </Checkbox>
        <Flex gap={8} style={{ marginLeft: "auto" }} wrap>
          <CsvButton
            fileName={t("products.inventory.fileName")}
            header={[
              t("products.fields.code"),
              t("products.fields.name"),
              t("products.fields.category"),
              t("products.fields.stock"),
              t("products.fields.unit"),
              t("products.inventory.threshold"),
              t("products.catalog.lowStock"),
            ]}
            rows={() =>
              list.items.map((i) => [
                i.code,
                i.name,
                i.categoryName,
                formatQuantity(i.stock),
                i.unit,
                formatQuantity(i.lowStockThreshold),
                i.lowStock ? "✔" : "",
              ])
            }
          />
          <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setHistory("all")}>
            {t("products.inventory.allHistory")}
          </Button>
          {can("inventory:adjust") && (
            <Button type="primary" icon={<SwapOutlined aria-hidden />} onClick={() => setMoving({})}>
              {t("products.inventory.newMovement")}
            </Button>
          )}
        </Flex>
      </Flex>
      {low > 0 && (
        <Alert type="warning" showIcon title={t("products.inventory.lowWarning", { count: low })} />
      )}
      <Table<InventoryItem>
        rowKey="productId"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 860 }}
        rowClassName={(i) => (i.lowStock ? "row-low-stock" : "")}
        locale={{ emptyText: t("products.inventory.empty") }}
      />
      <LoadMore
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {moving && (
        <MovementModal
          product={
            moving.product && {
              id: moving.product.productId,
              label: `${moving.product.code} ${moving.product.name}`,
            }
          }
          onClose={() => setMoving(null)}
        />
      )}
      {history && (
        <MovementHistoryDrawer
          product={
            history === "all" ? null : { id: history.productId, code: history.code, name: history.name }
          }
          onClose={() => setHistory(null)}
        />
      )}
    </Flex>
  );
}
