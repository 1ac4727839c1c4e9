import { Card, Result, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { usePermissions } from "../../shared/api";
import { CollectionsTab } from "./collections-tab";
import { MarginsTab } from "./margins-tab";
import { PayablesTab } from "./payables-tab";
import { PaymentsTab } from "./payments-tab";
import { ReceivablesTab } from "./receivables-tab";
import "./finance.css";

const TABS = ["receivables", "payments", "payables", "collections", "margins"] as const;
type Tab = (typeof TABS)[number];
/** Salespeople (order:read) read their own customers' receivables, payments and collection. */
const SALES_TABS: readonly Tab[] = ["receivables", "payments", "collections"];

/** /finance/:tab — 财务管理: receivables, payments, payables, the collection board and margins. */
export function FinancePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const { can } = usePermissions();
  const tabs = can("finance:read") ? TABS : can("order:read") ? SALES_TABS : [];
  if (!tabs.length) {
    return (
      <Card variant="borderless">
        <Result
          status="403"
          title={t("finance.common.forbiddenTitle")}
          subTitle={t("finance.common.forbiddenBody")}
        />
      </Card>
    );
  }
  const active = tabs.find((k) => k === tab);
  if (!active) return <Navigate to={`/finance/${tabs[0]}`} replace />;
  const content: Record<Tab, React.ReactNode> = {
    receivables: <ReceivablesTab />,
    payments: <PaymentsTab />,
    payables: <PayablesTab />,
    collections: <CollectionsTab />,
    margins: <MarginsTab />,
  };
  return (
    <Card variant="borderless">
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/finance/${key}`)}
        items={tabs.map((key) => ({
          key,
          label: t(`finance.tabs.${key}`),
          children: key === active ? content[key] : null,
        }))}
      />
    </Card>
  );
}
