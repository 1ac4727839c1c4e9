import {
  BarChartOutlined,
  BellOutlined,
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Avatar, Breadcrumb, Button, Dropdown, Flex, Layout, Menu, type MenuProps, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { useLogout } from "../features/auth/use-auth";
import { NotificationBell } from "../features/relationship/notification-bell";
import { useCurrentUser } from "../shared/api";
import { BrandMark } from "../shared/ui/brand-mark";
import { LanguageSwitch } from "../shared/ui/language-switch";
import { moduleForPath, moduleMenuItems, PERSONAL_PATH, pageForPath, pageTitle } from "./navigation";
import { CHANGE_PASSWORD_PATH } from "./route-guards";
import "./app-layout.css";

const { Header, Sider, Content, Footer } = Layout;

function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();

  const items: MenuProps["items"] = [
    { key: PERSONAL_PATH, icon: <UserOutlined />, label: t("user.personal") },
    { key: `${PERSONAL_PATH}/stats`, icon: <BarChartOutlined />, label: t("user.myStats") },
    { key: `${PERSONAL_PATH}/notifications`, icon: <BellOutlined />, label: t("user.notificationSettings") },
    { key: "change-password", icon: <KeyOutlined />, label: t("user.changePassword") },
    { type: "divider" },
    {
      key: "logout",
      icon: <LogoutOutlined />,
      label: logout.isPending ? t("user.loggingOut") : t("user.logout"),
      danger: true,
      disabled: logout.isPending,
    },
  ];
  const onClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "change-password") void navigate(CHANGE_PASSWORD_PATH);
    if (key.startsWith(PERSONAL_PATH)) void navigate(key);
    if (key === "logout") logout.mutate();
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={["click"]} placement="bottomRight">
      <Button type="text" className="app-user">
        {/* Named by what it shows (WCAG 2.5.3: no aria-label that leaves the visible text out). */}
        <span className="visually-hidden">{`${t("user.menu")}: `}</span>
        <Avatar size={28} className="app-user__avatar" aria-hidden>
          {user.displayName.slice(0, 1)}
        </Avatar>
        <span className="app-user__text">
          <span className="app-user__name">{user.displayName}</span>
          <span className="app-user__dept">{user.departmentName ?? t("user.noDepartment")}</span>
        </span>
        <DownOutlined className="app-user__caret" aria-hidden />
      </Button>
    </Dropdown>
  );
}

/** The signed-in shell: side menu of all modules, header with breadcrumb, language and user menu. */
export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { permissions } = useCurrentUser();
  const [collapsed, setCollapsed] = useState(false);
  const page = pageForPath(pathname);
  const title = pageTitle(t, page);
  const selected = moduleForPath(pathname)?.path;

  useEffect(() => {
    document.title = `${title} - ${t("app.name")}`;
  }, [title, t]);

  return (
    <Layout className="app-shell">
      <Sider
        width={232}
        collapsedWidth={72}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        trigger={null}
        className="app-sider"
      >
        <Link to="/workbench" className="app-brand" aria-label={t("app.name")}>
          <BrandMark size={32} />
          {!collapsed && <span className="app-brand__name">{t("app.name")}</span>}
        </Link>
        <nav aria-label={t("nav.menu")}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={moduleMenuItems(t, permissions)}
          />
        </nav>
      </Sider>
      <Layout>
        <Header className="app-header">
          <Flex align="center" gap={8}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
              aria-label={collapsed ? t("nav.expand") : t("nav.collapse")}
              aria-expanded={!collapsed}
            />
            <Breadcrumb
              items={[
                { key: "home", title: <Link to="/workbench">{t("nav.home")}</Link> },
                { key: "page", title },
              ]}
            />
          </Flex>
          <Flex align="center" gap={8}>
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Header>
        <Content className="app-content">
          <Typography.Title level={1} className="app-page-title">
            {title}
          </Typography.Title>
          <Outlet />
        </Content>
        <Footer className="app-footer">
          © {new Date().getFullYear()} {t("app.shortName")} · {t("app.footer")}
        </Footer>
      </Layout>
    </Layout>
  );
}
