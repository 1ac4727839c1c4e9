import { Card, Result, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { usePermissions } from "../../shared/api";
import { CatalogTab } from "./catalog-tab";
import { InventoryTab } from "./inventory-tab";
import { MaterialsTab } from "./materials-tab";
import { PurchasesTab } from "./purchases-tab";
import "./products.css";

const TABS = ["catalog", "inventory", "materials", "purchases"] as const;
type Tab = (typeof TABS)[number];

/** /products/:tab — 产品与库存: the catalogue, stock, 材料单 and purchases, each as the user may. */
export function ProductsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const { can } = usePermissions();
  const allowed: Record<Tab, boolean> = {
    catalog: can("product:read"),
    inventory: can("inventory:read"),
    materials: can("product:read"),
    purchases: can("inventory:read"),
  };
  const visible = TABS.filter((k) => allowed[k]);
  const active = visible.find((k) => k === tab);
  if (!active) {
    if (!visible.length) return <Result status="403" title={t("products.common.notAllowed")} />;
    return <Navigate to={`/products/${visible[0]}`} replace />;
  }
  const content: Record<Tab, React.ReactNode> = {
    catalog: <CatalogTab />,
    inventory: <InventoryTab />,
    materials: <MaterialsTab />,
    purchases: <PurchasesTab />,
  };
  return (
    <Card variant="borderless">
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/products/${key}`)}
        items={visible.map((key) => ({
          key,
          label: t(`products.tabs.${key}`),
          children: key === active ? content[key] : null,
        }))}
      />
    </Card>
  );
}
