import { AppstoreOutlined, DeleteOutlined, PlusOutlined, RollbackOutlined } from "@ant-design/icons";
import type { Product } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  App,
  Button,
  Checkbox,
  Flex,
  Input,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { CategoryModal } from "./category-modal";
import { CsvButton, LoadMore } from "./list-parts";
import { ProductDrawer } from "./product-drawer";
import { deleteProduct, type ProductFilters, restoreProduct } from "./products-api";
import { formatMoney, formatQuantity } from "./products-format";
import { useCategories, useInvalidateProducts, useProducts } from "./use-products-queries";

/** 产品目录: search, filters, add and edit, categories and a recycle bin. */
export function CatalogTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const categories = useCategories();
  const invalidate = useInvalidateProducts();
  const [filters, setFilters] = useState<ProductFilters>({});
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300) || undefined;
  const list = useProducts({ ...filters, q });
  const [editing, setEditing] = useState<Product | "new" | null>(null);
  const [categoriesOpen, setCategoriesOpen] = useState(false);
  const bin = filters.deleted === "true";

  const toggle = useMutation({
    mutationFn: (p: Product) =>
      p.deleted ? restoreProduct(p.id, p.version) : deleteProduct(p.id, p.version),
    onSuccess: (p) => {
      void message.success(
        t(p.deleted ? "products.catalog.deleted" : "products.catalog.restored", { code: p.code }),
      );
      void invalidate();
    },
    onError: (error) => {
      void message.error(errorMessage(error));
      void invalidate();
    },
  });

  const columns: TableColumnsType<Product> = [
    {
      key: "code",
      title: t("products.fields.code"),
      width: 90,
      render: (_, p) => <Typography.Text strong>{p.code}</Typography.Text>,
    },
    {
      key: "name",
      title: t("products.fields.name"),
      render: (_, p) => (
        <Flex vertical>
          <span>{p.name}</span>
          {p.specification && <Typography.Text type="secondary">{p.specification}</Typography.Text>}
        </Flex>
      ),
    },
    { key: "category", title: t("products.fields.category"), width: 120, render: (_, p) => p.categoryName },
    { key: "unit", title: t("products.fields.unit"), width: 70, render: (_, p) => p.unit },
    {
      key: "listPrice",
      title: t("products.fields.listPrice"),
      width: 120,
      align: "right",
      render: (_, p) => `¥${formatMoney(p.listPrice)}`,
    },
    {
      key: "stock",
      title: t("products.fields.stock"),
      width: 120,
      align: "right",
      render: (_, p) => (
        <Flex gap={6} justify="flex-end" align="center">
          {p.lowStock && <Tag color="red">{t("products.catalog.lowStock")}</Tag>}
          <Typography.Text type={p.lowStock ? "danger" : undefined}>
            {formatQuantity(p.stock)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: "active",
      title: t("products.fields.active"),
      width: 80,
      render: (_, p) => (
        <Tag color={p.active ? "green" : "default"}>
          {p.active ? t("products.catalog.activeYes") : t("products.catalog.activeNo")}
        </Tag>
      ),
    },
    {
      key: "actions",
      title: t("products.common.actions"),
      width: 150,
      render: (_, p) => (
        <Flex gap={4} onClick={(e) => e.stopPropagation()}>
          {!p.deleted && can("product:update") && (
            <Button size="small" type="link" onClick={() => setEditing(p)}>
              {t("products.common.edit")}
            </Button>
          )}
          {can("product:delete") &&
            (p.deleted ? (
              <Button
                size="small"
                type="link"
                icon={<RollbackOutlined aria-hidden />}
                onClick={() => toggle.mutate(p)}
              >
                {t("products.common.restore")}
              </Button>
            ) : (
              <Popconfirm
                title={t("products.catalog.deleteConfirm")}
                okButtonProps={{ danger: true }}
                onConfirm={() => toggle.mutate(p)}
              >
                <Button size="small" type="link" danger>
                  {t("products.common.delete")}
                </Button>
              </Popconfirm>
            ))}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Input.Search
          aria-label={t("products.catalog.search")}
          placeholder={t("products.catalog.search")}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 260 }}
        />
        <Select
          aria-label={t("products.fields.category")}
          value={filters.categoryId ?? ""}
          onChange={(categoryId: string) => setFilters({ ...filters, categoryId: categoryId || undefined })}
          options={[
            { value: "", label: t("products.catalog.allCategories") },
            ...(categories.data ?? []).map((c) => ({ value: c.id, label: `${c.letter} · ${c.name}` })),
          ]}
          style={{ width: 160 }}
        />
        <Select
          aria-label={t("products.fields.active")}
          value={filters.active ?? ""}
          onChange={(active: "" | "true" | "false") =>
            setFilters({ ...filters, active: active || undefined })
          }
          options={[
            { value: "", label: t("products.catalog.activeAll") },
            { value: "true", label: t("products.catalog.activeYes") },
            { value: "false", label: t("products.catalog.activeNo") },
          ]}
          style={{ width: 120 }}
        />
        <Checkbox
          checked={filters.lowStock === "true"}
          onChange={(e) => setFilters({ ...filters, lowStock: e.target.checked ? "true" : undefined })}
        >
          {t("products.catalog.lowStockOnly")}
        </Checkbox>
        <Flex gap={8} style={{ marginLeft: "auto" }} wrap>
          <CsvButton
            fileName={t("products.catalog.fileName")}
            header={[
              t("products.fields.code"),
              t("products.fields.name"),
              t("products.fields.specification"),
              t("products.fields.category"),
              t("products.fields.unit"),
              t("products.fields.listPrice"),
              t("products.fields.standardCost"),
              t("products.fields.stock"),
              t("products.fields.lowStockThreshold"),
              t("products.fields.active"),
            ]}
            rows={() =>
              list.items.map((p) => [
                p.code,
                p.name,
                p.specification,
                p.categoryName,
                p.unit,
                p.listPrice,
                p.standardCost,
                formatQuantity(p.stock),
                formatQuantity(p.lowStockThreshold),
                p.active ? t("products.catalog.activeYes") : t("products.catalog.activeNo"),
              ])
            }
          />
          {can("product:delete") && (
            <Button
              icon={bin ? <RollbackOutlined aria-hidden /> : <DeleteOutlined aria-hidden />}
              onClick={() => setFilters({ ...filters, deleted: bin ? undefined : "true" })}
            >
              {bin ? t("products.catalog.backToList") : t("products.catalog.recycleBin")}
            </Button>
          )}
          <Button icon={<AppstoreOutlined aria-hidden />} onClick={() => setCategoriesOpen(true)}>
            {t("products.catalog.manageCategories")}
          </Button>
          {can("product:create") && !bin && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing("new")}>
              {t("products.catalog.new")}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<Product>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 900 }}
        rowClassName={(p) => (p.lowStock ? "row-low-stock" : "")}
        locale={{ emptyText: bin ? t("products.catalog.emptyDeleted") : t("products.catalog.empty") }}
        onRow={(p) => ({
          onDoubleClick: () => !p.deleted && can("product:update") && setEditing(p),
        })}
      />
      <LoadMore
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {editing && (
        <ProductDrawer product={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
      {categoriesOpen && <CategoryModal onClose={() => setCategoriesOpen(false)} />}
    </Flex>
  );
}
