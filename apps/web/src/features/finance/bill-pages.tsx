import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import { type Payable, type Receivable, sumAmounts } from "@crm/contracts";
import { Alert, Button, Card, Flex, Result, Space, Spin } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { errorMessage } from "../../shared/api";
import { downloadCsv } from "../../shared/export-csv";
import type { Aging } from "./finance-api";
import { AGING_KEYS, agingKeyOf, formatMoney } from "./finance-format";
import { useDunningBill, usePayables } from "./use-finance-queries";
import "./finance.css";

/** The buttons above a bill; hidden on paper. */
function BillToolbar({ onExport }: { onExport: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Flex className="bill-toolbar" justify="space-between" wrap gap={8}>
      <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => void navigate(-1)}>
        {t("finance.bills.back")}
      </Button>
      <Space>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={onExport}>
          {t("finance.bills.exportCsv")}
        </Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t("finance.bills.print")}
        </Button>
      </Space>
    </Flex>
  );
}

function BillHeader({ title, on }: { title: string; on: string }) {
  const { t } = useTranslation();
  return (
    <header className="bill-header">
      <div className="bill-company">{t("finance.bills.company")}</div>
      <h2 className="bill-title">{title}</h2>
      <div className="bill-date">
        {t("finance.bills.date")}
        {t("finance.common.colon")}
        {on}
      </div>
    </header>
  );
}

function AgingTable({ aging }: { aging: Aging }) {
  const { t } = useTranslation();
  return (
    <table className="bill-table bill-aging">
      <caption>{t("finance.bills.aging")}</caption>
      <thead>
        <tr>
          {AGING_KEYS.map((k) => (
            <th key={k}>{t(`finance.aging.${k}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {AGING_KEYS.map((k) => (
            <td key={k} className="num">
              {formatMoney(aging[k])}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function BillFrame({ children, onExport }: { children: React.ReactNode; onExport: () => void }) {
  return (
    <div className="bill-page">
      <BillToolbar onExport={onExport} />
      <Card variant="borderless" className="finance-bill">
        {children}
      </Card>
    </div>
  );
}

const agingOf = (rows: readonly { balance: string; overdueDays: number }[]): Aging =>
  Object.fromEntries(
    AGING_KEYS.map((k) => [
      k,
      sumAmounts(rows.filter((r) => agingKeyOf(r.overdueDays) === k).map((r) => r.balance)),
    ]),
  ) as Aging;

/** /finance/bills/customer/:customerId — 催收账单: open receivables, totals, aging and the actions taken. */
export function CustomerBillPage() {
  const { t } = useTranslation();
  const { customerId } = useParams();
  const bill = useDunningBill(customerId);
  if (bill.isError)
    return (
      <Result status="warning" title={t("finance.bills.notFound")} subTitle={errorMessage(bill.error)} />
    );
  if (!bill.data) return <Spin />;
  const b = bill.data;
  const items: Receivable[] = b.receivables.filter((r) => r.status === "open");
  const header = [
    t("finance.receivables.orderNumber"),
    t("finance.receivables.instalment"),
    t("finance.receivables.dueDate"),
    t("finance.receivables.amount"),
    t("finance.receivables.paid"),
    t("finance.receivables.balance"),
    t("finance.receivables.overdueDays"),
  ];
  const exportCsv = () =>
    downloadCsv(`${t("finance.bills.customerTitle")}-${b.customer.name}-${b.on}.csv`, header, [
      ...items.map((r) => [
        r.orderNumber,
        r.instalmentNo,
        r.dueDate,
        r.amount,
        r.paid,
        r.balance,
        r.overdueDays,
      ]),
      [t("finance.bills.totalOpen"), "", "", "", "", b.open, ""],
      [t("finance.bills.totalOverdue"), "", "", "", "", b.overdue, ""],
    ]);
  return (
    <BillFrame onExport={exportCsv}>
      <BillHeader title={t("finance.bills.customerTitle")} on={b.on} />
      <dl className="bill-party">
        <div>
          <dt>{t("finance.bills.customer")}</dt>
          <dd>{b.customer.name}</dd>
        </div>
        <div>
          <dt>{t("finance.bills.customerCode")}</dt>
          <dd>{b.customer.code}</dd>
        </div>
        <div>
          <dt>{t("finance.bills.address")}</dt>
          <dd>{b.customer.address ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("finance.bills.phone")}</dt>
          <dd>{b.customer.phone ?? "—"}</dd>
        </div>
      </dl>
      <table className="bill-table">
        <caption>{t("finance.bills.openItems")}</caption>
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.length ? (
            items.map((r) => (
              <tr key={r.id} className={r.overdueDays > 0 ? "overdue" : undefined}>
                <td>{r.orderNumber}</td>
                <td>{t("finance.receivables.instalmentNo", { no: r.instalmentNo })}</td>
                <td>{r.dueDate}</td>
                <td className="num">{formatMoney(r.amount)}</td>
                <td className="num">{formatMoney(r.paid)}</td>
                <td className="num">{formatMoney(r.balance)}</td>
                <td className="num">{r.overdueDays > 0 ? r.overdueDays : "—"}</td>
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={7} className="empty">
                {t("finance.bills.noItems")}
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={5}>{t("finance.bills.totalOpen")}</th>
            <td className="num total" data-testid="bill-total-open">
              ¥{formatMoney(b.open)}
            </td>
            <td />
          </tr>
          <tr>
            <th colSpan={5}>{t("finance.bills.totalOverdue")}</th>
            <td className="num">¥{formatMoney(b.overdue)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <AgingTable aging={b.aging} />
      <table className="bill-table">
        <caption>{t("finance.bills.actions")}</caption>
        <thead>
          <tr>
            <th>{t("finance.bills.time")}</th>
            <th>{t("finance.collections.kind")}</th>
            <th>{t("finance.collections.content")}</th>
            <th>{t("finance.bills.createdBy")}</th>
          </tr>
        </thead>
        <tbody>
          {b.actions.length ? (
            b.actions.map((a) => (
              <tr key={a.id}>
                <td className="nowrap">{dayjs(a.createdAt).format("YYYY-MM-DD HH:mm")}</td>
                <td className="nowrap">{t(`finance.actionKinds.${a.kind}`)}</td>
                <td>
                  {a.content}
                  {a.promisedDate && ` （${t("finance.collections.promise", { date: a.promisedDate })}）`}
                </td>
                <td className="nowrap">{a.createdByName ?? ""}</td>
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={4} className="empty">
                {t("finance.collections.noActions")}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="bill-notice">{t("finance.bills.notice")}</p>
      <div className="bill-sign">
        <span>{t("finance.bills.signature")}</span>
        <span>
          {t("finance.bills.date2")}
          {t("finance.common.colon")}
          {b.on}
        </span>
      </div>
    </BillFrame>
  );
}

/** /finance/bills/supplier/:supplier — 应付账单: a supplier's open payables, totals and aging. */
export function SupplierBillPage() {
  const { t } = useTranslation();
  const supplier = useParams().supplier ?? "";
  const list = usePayables(supplier, "open", !!supplier);
  const on = dayjs().format("YYYY-MM-DD");
  if (list.isError) return <Alert type="error" showIcon title={errorMessage(list.error)} />;
  if (!list.data) return <Spin />;
  const overdueDays = (p: Payable) => Math.max(0, dayjs(on).diff(dayjs(p.dueDate), "day"));
  const items = list.data.items.map((p) => ({ ...p, overdueDays: overdueDays(p) }));
  const total = sumAmounts(items.map((p) => p.balance));
  const header = [
    t("finance.payables.purchaseOrder"),
    t("finance.payables.dueDate"),
    t("finance.payables.amount"),
    t("finance.payables.paid"),
    t("finance.payables.balance"),
    t("finance.receivables.overdueDays"),
  ];
  const exportCsv = () =>
    downloadCsv(`${t("finance.bills.supplierTitle")}-${supplier}-${on}.csv`, header, [
      ...items.map((p) => [p.purchaseOrderNumber, p.dueDate, p.amount, p.paid, p.balance, p.overdueDays]),
      [t("finance.bills.totalPayable"), "", "", "", total, ""],
    ]);
  return (
    <BillFrame onExport={exportCsv}>
      <BillHeader title={t("finance.bills.supplierTitle")} on={on} />
      <dl className="bill-party">
        <div>
          <dt>{t("finance.bills.supplier")}</dt>
          <dd>{supplier}</dd>
        </div>
      </dl>
      <table className="bill-table">
        <caption>{t("finance.bills.openItems")}</caption>
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.length ? (
            items.map((p) => (
              <tr key={p.id} className={p.overdueDays > 0 ? "overdue" : undefined}>
                <td>{p.purchaseOrderNumber}</td>
                <td>{p.dueDate}</td>
                <td className="num">{formatMoney(p.amount)}</td>
                <td className="num">{formatMoney(p.paid)}</td>
                <td className="num">{formatMoney(p.balance)}</td>
                <td className="num">{p.overdueDays > 0 ? p.overdueDays : "—"}</td>
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={6} className="empty">
                {t("finance.bills.noItems")}
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={4}>{t("finance.bills.totalPayable")}</th>
            <td className="num total">¥{formatMoney(total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <AgingTable aging={agingOf(items)} />
      <div className="bill-sign">
        <span>{t("finance.bills.signature")}</span>
        <span>
          {t("finance.bills.date2")}
          {t("finance.common.colon")}
          {on}
        </span>
      </div>
    </BillFrame>
  );
}
