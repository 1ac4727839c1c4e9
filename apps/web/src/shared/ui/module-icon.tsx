import {
  AccountBookOutlined,
  BarChartOutlined,
  ContactsOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  InboxOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { ModuleKey } from "@crm/contracts";
import type { ComponentType } from "react";

const ICONS: Record<ModuleKey, ComponentType<{ "aria-hidden"?: boolean }>> = {
  workbench: DashboardOutlined,
  customers: TeamOutlined,
  relationship: ContactsOutlined,
  products: InboxOutlined,
  sales: ShoppingCartOutlined,
  finance: AccountBookOutlined,
  feedback: CustomerServiceOutlined,
  reports: BarChartOutlined,
  admin: SettingOutlined,
};

/** The icon of a module, shared by the side menu and the workbench. */
export function ModuleIcon({ module }: { module: ModuleKey }) {
  const Icon = ICONS[module];
  return <Icon aria-hidden />;
}
