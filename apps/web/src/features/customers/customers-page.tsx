import { FilterOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from "@ant-design/icons";
import type { Customer } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  App,
  Badge,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from "antd";
import {
  type ComponentProps,
  type UIEvent,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage, usePermissions } from "../../shared/api";
import { activeFields, useCustomFields } from "../../shared/custom-fields/use-custom-fields";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { BulkEditModal } from "./bulk-edit-modal";
import { CustomerBulkBar } from "./customer-bulk-bar";
import { ColumnChooser, isColumnKey, useChosenColumns, useCustomerColumns } from "./customer-columns";
import { CustomerExportButton } from "./customer-export-button";
import { CustomerFilterPanel } from "./customer-filter-panel";
import { isConflict } from "./customer-format";
import { CustomerLetterBar } from "./customer-letter-bar";
import { restoreCustomer } from "./customers-api";
import { ImportWizard } from "./import-wizard";
import { MergeCustomersModal } from "./merge-customers-modal";
import { SavedViewsBar, type ViewQuery } from "./saved-views-bar";
import { type CustomerSort, useCustomerFilters } from "./use-customer-filters";
import { useCustomerPages, useInvalidateCustomers } from "./use-customer-queries";
import "./customers.css";

const SORTS: readonly CustomerSort[] = ["-createdAt", "createdAt", "name", "-name", "code", "-updatedAt"];

/** Column widths (px) of the virtual table, which needs them; custom fields' columns get the default. */
const WIDTHS: Record<string, number> = {
  code: 130,
  name: 260,
  class: 100,
  region: 150,
  phone: 140,
  email: 210,
  industry: 120,
  source: 110,
  status: 110,
  creditRating: 100,
  ownerName: 110,
  annualRevenue: 150,
  employeeCount: 110,
  creditCode: 190,
  lastContactAt: 170,
  createdAt: 120,
  updatedAt: 170,
  actions: 90,
};
const DEFAULT_WIDTH = 160;
const SELECTION_WIDTH = 48;
/** The table body scrolls by itself (virtual: only the rows in sight are in the page), at least this high. */
const MIN_BODY_HEIGHT = 320;
/** Ask for the next page this close (px) to the end of what is loaded. */
const PREFETCH_PX = 800;

// The virtual table draws its body with <div>s: give them the roles of a table's rows and cells
// (the wrapper is role="table", the header's own <table> only lays out its header row).
// biome-ignore lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: antd's virtual body is made of <div>s; a table row's role, not a grid's (not focusable)
const VirtualRow = (props: ComponentProps<"div">) => <div role="row" {...props} />;
// biome-ignore lint/a11y/useSemanticElements: antd's virtual body is made of <div>s; the role is what a table row/cell would have
const VirtualCell = (props: ComponentProps<"div">) => <div role="cell" {...props} />;
const HeaderTable = (props: ComponentProps<"table">) => <table role="presentation" {...props} />;
// biome-ignore lint/a11y/noRedundantRoles: not redundant: the <table> around it is presentational
const HeaderRow = (props: ComponentProps<"tr">) => <tr role="row" {...props} />;
// biome-ignore lint/a11y/useSemanticElements: it is a <th>; the role survives the presentational <table>
const HeaderCell = (props: ComponentProps<"th">) => <th role="columnheader" {...props} />;
const TABLE_COMPONENTS = {
  header: { table: HeaderTable, row: HeaderRow, cell: HeaderCell },
  body: { row: VirtualRow, cell: VirtualCell },
};

/** The table body's height: from its top to the window's bottom, less the load-more line. */
function useBodyHeight(shown: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(560);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measure again once the table (not the skeleton) is shown
  useLayoutEffect(() => {
    const measure = () => {
      if (!ref.current) return;
      const top = ref.current.getBoundingClientRect().top + window.scrollY;
      // 56: the header row of the table; 96: the load-more line and the card's padding.
      setHeight(Math.max(MIN_BODY_HEIGHT, Math.floor(window.innerHeight - top - 56 - 96)));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [shown]);
  return { ref, height };
}

/** 客户信息: the A–Z index, one search box, filters, columns of choice, bulk actions and a recycle bin. */
export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const invalidate = useInvalidateCustomers();
  const customFields = useCustomFields("customer");
  const definitions = activeFields(customFields.data);
  const customKeys = customFields.isPending ? undefined : definitions.map((d) => d.key);
  const { filters, params, sort, tab, ready, update, clearPanel, replaceAll, panelCount, hasCustomFilters } =
    useCustomerFilters(customKeys);
  const [search, setSearch] = useState(filters.q ?? "");
  const q = useDebouncedValue(search.trim(), 300);
  const [panelOpen, setPanelOpen] = useState(panelCount > 0 || hasCustomFilters);
  const [selected, setSelected] = useState<Customer[]>([]);
  const [dialog, setDialog] = useState<"bulk" | "merge" | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const { chosen, choose, reset } = useChosenColumns();
  const baseColumns = useCustomerColumns(chosen);
  const list = useCustomerPages(params, ready);
  const bin = tab === "bin";

  // Only what the user typed (once settled) goes to the URL; other changes to the URL do not loop back.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a new debounced search only
  useEffect(() => update({ q: q || undefined }), [q]);
  // A different list: what was selected in the old one is no longer on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: clear whenever the query changes
  useEffect(() => setSelected([]), [params]);

  const restore = useMutation({
    mutationFn: (c: Customer) => restoreCustomer(c.id, c.version),
    onSuccess: (c) => {
      void message.success(t("customers.list.restoreDone", { name: c.name }));
      void invalidate();
    },
    onError: (error) => {
      if (isConflict(error)) void message.warning(t("customers.common.conflictList"));
      else void message.error(errorMessage(error));
      void invalidate();
    },
  });

  const { ref: tableRef, height: bodyHeight } = useBodyHeight(!list.isPending);
  const allColumns: TableColumnsType<Customer> =
    bin && can("customer:delete")
      ? [
          ...baseColumns,
          {
            key: "actions",
            title: t("customers.list.actions"),
            fixed: "right",
            width: 90,
            render: (_, c) =>
              c.mergedIntoId ? null : (
                <Button
                  type="link"
                  size="small"
                  onClick={(e) => {
                    e.stopPropagation();
                    restore.mutate(c);
                  }}
                >
                  {t("customers.common.restore")}
                </Button>
              ),
          },
        ]
      : baseColumns;
  const columns = allColumns.map((c) => ({ ...c, width: c.width ?? WIDTHS[String(c.key)] ?? DEFAULT_WIDTH }));
  const tableWidth = columns.reduce((sum, c) => sum + Number(c.width), 0) + (bin ? 0 : SELECTION_WIDTH);
  // Infinite scroll: near the end of the loaded rows, the next page (the button stays for keyboards).
  const onTableScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight > PREFETCH_PX) return;
    if (list.hasNextPage && !list.isFetchingNextPage && !list.isError) void list.fetchNextPage();
  };

  // What a saved view stores: the filters, and the sort when it is not the default.
  const viewQuery = useMemo(() => {
    const query: ViewQuery = {};
    for (const [key, value] of Object.entries(filters)) if (value) query[key] = value;
    if (sort !== "-createdAt") query.sort = sort;
    return query;
  }, [filters, sort]);
  const applyView = (query: ViewQuery, viewColumns: string[] | null) => {
    setSearch(query.q ?? "");
    replaceAll(query);
    if (viewColumns) choose(viewColumns.filter(isColumnKey));
  };

  const first = list.first;
  // Counted on the first page only; a large result is the database's estimate, said as such.
  const totalText =
    first?.total != null
      ? `${first.totalExact === false ? t("customers.list.about") : ""}${first.total.toLocaleString(i18n.language)}`
      : "";
  const filtered = Object.keys(filters).length > 0;
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <Flex vertical gap={4}>
          <Typography.Text strong>
            {bin
              ? t("customers.list.emptyBin")
              : filtered
                ? t("customers.list.emptyFiltered")
                : t("customers.list.empty")}
          </Typography.Text>
          {!bin && (
            <Typography.Text type="secondary">
              {filtered ? t("customers.list.emptyFilteredHint") : t("customers.list.emptyHint")}
            </Typography.Text>
          )}
        </Flex>
      }
    >
      {!bin && filtered && (
        <Button
          onClick={() => {
            setSearch("");
            update({ q: undefined, letter: undefined });
            clearPanel();
          }}
        >
          {t("customers.list.clearFilters")}
        </Button>
      )}
    </Empty>
  );

  return (
    <Card variant="borderless" className="customers-card">
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === "bin" ? "bin" : undefined })}
        items={[
          { key: "all", label: t("customers.list.tabAll") },
          { key: "bin", label: t("customers.list.tabBin") },
        ]}
        tabBarExtraContent={
          <Flex gap={8}>
            {can("customer:import") && (
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImportOpen(true)}>
                {t("customers.io.import")}
              </Button>
            )}
            {can("customer:create") && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => void navigate("/customers/new")}
              >
                {t("customers.list.create")}
              </Button>
            )}
          </Flex>
        }
      />
      <Flex gap={12} wrap align="center" className="customer-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t("customers.list.search")}
          aria-label={t("customers.list.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="customer-search"
        />
        <Badge count={panelCount} size="small" color="#2854e0">
          <Button
            icon={<FilterOutlined aria-hidden />}
            aria-expanded={panelOpen}
            type={panelOpen ? "primary" : "default"}
            ghost={panelOpen}
            onClick={() => setPanelOpen(!panelOpen)}
          >
            {t("customers.list.filters")}
          </Button>
        </Badge>
        <Select<CustomerSort>
          value={sort}
          onChange={(value) => update({ sort: value === "-createdAt" ? undefined : value })}
          aria-label={t("customers.list.sort")}
          options={SORTS.map((s) => ({ value: s, label: t(`customers.list.sorts.${s}`) }))}
          className="customer-sort"
          prefix={<span className="customer-sort__prefix">{t("customers.list.sort")}</span>}
        />
        <Flex gap={8} className="customer-toolbar__end">
          {!bin && <SavedViewsBar query={viewQuery} columns={chosen} onApply={applyView} />}
          {!bin && can("customer:export") && <CustomerExportButton filters={filters} />}
          {!bin && can("customer:update") && (
            <Button onClick={() => setDialog("bulk")} disabled={!first?.total}>
              {t("customers.bulk.editAll")}
            </Button>
          )}
          <ColumnChooser chosen={chosen} onChange={choose} onReset={reset} />
        </Flex>
      </Flex>
      {panelOpen && (
        <CustomerFilterPanel
          filters={filters}
          update={update}
          onClear={clearPanel}
          definitions={definitions}
        />
      )}
      <CustomerLetterBar value={filters.letter} onChange={(letter) => update({ letter })} />
      <Flex align="center" justify="space-between" gap={12} wrap className="customer-summary">
        {selected.length > 0 ? (
          <CustomerBulkBar
            selected={selected}
            onEdit={() => setDialog("bulk")}
            onMerge={() => setDialog("merge")}
            onClear={() => setSelected([])}
          />
        ) : (
          <Typography.Text type="secondary" aria-live="polite">
            {totalText &&
              (bin
                ? t("customers.list.totalBin", { total: totalText })
                : t("customers.list.total", { total: totalText }))}
          </Typography.Text>
        )}
      </Flex>
      {list.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 8 }} className="customer-skeleton" />
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: wraps antd's virtual table (a header <table> and <div> rows) as one table
        <div
          ref={tableRef}
          role="table"
          aria-label={t("customers.list.tableLabel")}
          aria-rowcount={first?.total ?? -1}
        >
          <Table<Customer>
            rowKey="id"
            size="middle"
            virtual
            components={TABLE_COMPONENTS}
            onScroll={onTableScroll}
            columns={columns}
            dataSource={list.items}
            loading={list.isFetching && !list.isFetchingNextPage}
            pagination={false}
            scroll={{ x: tableWidth, y: bodyHeight }}
            locale={{ emptyText: empty }}
            rowClassName={(c) => (c.deleted ? "customer-row customer-row--muted" : "customer-row")}
            rowSelection={
              bin
                ? undefined
                : {
                    selectedRowKeys: selected.map((c) => c.id),
                    onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
                    preserveSelectedRowKeys: true,
                    columnWidth: 48,
                  }
            }
            onRow={(c) => ({
              onClick: (e) => {
                const target = e.target as HTMLElement;
                if (target.closest(".ant-table-selection-column, a, button")) return;
                void navigate(`/customers/${c.id}`);
              },
            })}
          />
        </div>
      )}
      {list.isError && <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>}
      <Flex justify="center" className="customer-load-more">
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t("customers.common.loadMore")}
          </Button>
        ) : (
          list.items.length > 0 && (
            <Typography.Text type="secondary">
              {t("customers.common.allLoaded", { count: list.items.length })}
            </Typography.Text>
          )
        )}
      </Flex>
      <ImportWizard open={importOpen} onClose={() => setImportOpen(false)} />
      {dialog === "bulk" && (
        <BulkEditModal
          selectedIds={selected.map((c) => c.id)}
          filters={filters}
          matchingLabel={totalText}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setSelected([]);
          }}
        />
      )}
      {dialog === "merge" && (
        <MergeCustomersModal
          customers={selected}
          onClose={() => setDialog(null)}
          onMerged={() => {
            setDialog(null);
            setSelected([]);
          }}
        />
      )}
    </Card>
  );
}
