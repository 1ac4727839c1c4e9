import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { OrdersTab } from "./orders-tab";
import { TransactionsTab } from "./transactions-tab";
import "../products/products.css";

const TABS = ["orders", "transactions"] as const;

/** /sales/:tab — 销售管理: contract orders and transaction records. */
export function SalesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const active = TABS.find((k) => k === tab);
  if (!active) return <Navigate to="/sales/orders" replace />;
  return (
    <Card variant="borderless">
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/sales/${key}`)}
        items={TABS.map((key) => ({
          key,
          label: t(`sales.tabs.${key}`),
          children: key === active ? key === "orders" ? <OrdersTab /> : <TransactionsTab /> : null,
        }))}
      />
    </Card>
  );
}
