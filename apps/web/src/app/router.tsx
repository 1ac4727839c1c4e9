import { MODULES, type ModuleKey } from "@crm/contracts";
import { createBrowserRouter, Navigate, type RouteObject } from "react-router";
import { FullPageSpin } from "../shared/ui/full-page-spin";
import { AppLayout } from "./app-layout";
import { ModulePlaceholderPage, NotFoundPage } from "./lazy-pages";
import { RouteErrorPage } from "./route-error-page";
import { RequireAuth, RequireModule, RequirePermission, SessionGate } from "./route-guards";

/** Modules with pages of their own; the others get an honest placeholder page. */
const BUILT: readonly ModuleKey[] = [
  "workbench",
  "admin",
  "customers",
  "relationship",
  "products",
  "sales",
  "finance",
  "feedback",
  "reports",
];

const placeholderRoutes: RouteObject[] = MODULES.filter((m) => !BUILT.includes(m.key)).map((module) => ({
  path: module.path,
  element: <RequireModule module={module.key} />,
  children: [{ index: true, element: <ModulePlaceholderPage module={module.key} /> }],
}));

/** 系统管理: one URL per page, each behind its own permission; /admin goes to the first one allowed. */
const adminRoute: RouteObject = {
  path: "/admin",
  element: <RequireModule module="admin" />,
  children: [
    {
      lazy: async () => ({ Component: (await import("../features/admin/admin-layout")).AdminLayout }),
      children: [
        {
          index: true,
          lazy: async () => ({
            Component: (await import("../features/admin/admin-layout")).AdminIndexRedirect,
          }),
        },
        {
          path: "users",
          element: <RequirePermission permission="user:read" />,
          children: [
            {
              index: true,
              lazy: async () => ({ Component: (await import("../features/admin/users-page")).UsersPage }),
            },
          ],
        },
        {
          path: "roles",
          element: <RequirePermission permission="role:read" />,
          children: [
            {
              index: true,
              lazy: async () => ({ Component: (await import("../features/admin/roles-page")).RolesPage }),
            },
          ],
        },
        {
          path: "organisation",
          element: <RequirePermission permission="department:read" />,
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import("../features/admin/organisation-page")).OrganisationPage,
              }),
            },
          ],
        },
        {
          path: "custom-fields",
          element: <RequirePermission permission="dictionary:manage" />,
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import("../features/admin/custom-fields-page")).CustomFieldsPage,
              }),
            },
          ],
        },
        {
          path: "dictionaries",
          element: <RequirePermission permission="dictionary:manage" />,
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import("../features/admin/dictionaries-page")).DictionariesPage,
              }),
            },
          ],
        },
        {
          path: "settings",
          element: <RequirePermission permission="settings:manage" />,
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import("../features/admin/settings-page")).SettingsPage,
              }),
            },
          ],
        },
        {
          path: "api-keys",
          element: <RequirePermission permission="role:manage" />,
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import("../features/admin/api-keys-page")).ApiKeysPage,
              }),
            },
          ],
        },
        {
          path: "webhooks",
          element: <RequirePermission permission="role:manage" />,
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import("../features/admin/webhooks-page")).WebhooksPage,
              }),
            },
          ],
        },
        {
          path: "audit-log",
          element: <RequirePermission permission="audit:read" />,
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import("../features/admin/audit-log-page")).AuditLogPage,
              }),
            },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ],
};

/** 客户信息: the list, a customer's page, and the form of input screen 1 (new and edit). */
const customersRoute: RouteObject = {
  path: "/customers",
  element: <RequireModule module="customers" />,
  children: [
    {
      index: true,
      lazy: async () => ({ Component: (await import("../features/customers/customers-page")).CustomersPage }),
    },
    {
      path: "new",
      element: <RequirePermission permission="customer:create" />,
      children: [
        {
          index: true,
          lazy: async () => ({
            Component: (await import("../features/customers/customer-form-page")).CustomerCreatePage,
          }),
        },
      ],
    },
    {
      path: ":id",
      lazy: async () => ({
        Component: (await import("../features/customers/customer-detail-page")).CustomerDetailPage,
      }),
    },
    {
      path: ":id/edit",
      element: <RequirePermission permission="customer:update" />,
      children: [
        {
          index: true,
          lazy: async () => ({
            Component: (await import("../features/customers/customer-form-page")).CustomerEditPage,
          }),
        },
      ],
    },
  ],
};

/** 客户关系维护: one page with a tab per list; `:id` (and `?event=`) open a record, as notifications link. */
const relationshipPage = async () => ({
  Component: (await import("../features/relationship/relationship-page")).RelationshipPage,
});
const relationshipRoute: RouteObject = {
  path: "/relationship",
  element: <RequireModule module="relationship" />,
  children: [
    { index: true, lazy: relationshipPage },
    { path: ":tab", lazy: relationshipPage },
    { path: ":tab/:id", lazy: relationshipPage },
  ],
};

/** 产品与库存: one page with a tab per list (catalogue, stock, 材料单, purchases). */
const productsPage = async () => ({
  Component: (await import("../features/products/products-page")).ProductsPage,
});
const productsRoute: RouteObject = {
  path: "/products",
  element: <RequireModule module="products" />,
  children: [
    { index: true, lazy: productsPage },
    { path: ":tab", lazy: productsPage },
  ],
};

/** 销售管理: contract orders and transactions as tabs; an order's own page. */
const salesPage = async () => ({ Component: (await import("../features/sales/sales-page")).SalesPage });
const salesRoute: RouteObject = {
  path: "/sales",
  element: <RequireModule module="sales" />,
  children: [
    { index: true, lazy: salesPage },
    { path: ":tab", lazy: salesPage },
    {
      path: "orders/:id",
      lazy: async () => ({
        Component: (await import("../features/sales/order-detail-page")).OrderDetailPage,
      }),
    },
  ],
};

/**
 * 财务管理: one page with a tab per list, and the printable bills. Salespeople (order:read) may read
 * their own customers' receivables here too, so the page decides what each role sees.
 */
const financePage = async () => ({
  Component: (await import("../features/finance/finance-page")).FinancePage,
});
const financeRoute: RouteObject = {
  path: "/finance",
  // finance:read, or order:read for a salesperson's own receivables (read-only).
  element: <RequireModule module="finance" />,
  children: [
    { index: true, lazy: financePage },
    {
      path: "bills/customer/:customerId",
      lazy: async () => ({ Component: (await import("../features/finance/bill-pages")).CustomerBillPage }),
    },
    {
      path: "bills/supplier/:supplier",
      element: <RequirePermission permission="finance:read" />,
      children: [
        {
          index: true,
          lazy: async () => ({
            Component: (await import("../features/finance/bill-pages")).SupplierBillPage,
          }),
        },
      ],
    },
    { path: ":tab", lazy: financePage },
  ],
};

/** 服务反馈: the list and 回访 as tabs; the form of input screen 2; a feedback's own page (notifications link there). */
const feedbackPage = async () => ({
  Component: (await import("../features/feedback/feedback-page")).FeedbackPage,
});
const feedbackRoute: RouteObject = {
  path: "/feedback",
  element: <RequireModule module="feedback" />,
  children: [
    { index: true, lazy: feedbackPage },
    { path: "visits", lazy: feedbackPage },
    {
      path: "new",
      element: <RequirePermission permission="feedback:create" />,
      children: [
        {
          index: true,
          lazy: async () => ({
            Component: (await import("../features/feedback/feedback-form-page")).FeedbackCreatePage,
          }),
        },
      ],
    },
    {
      path: ":id",
      lazy: async () => ({
        Component: (await import("../features/feedback/feedback-detail-page")).FeedbackDetailPage,
      }),
    },
    {
      path: ":id/edit",
      element: <RequirePermission permission="feedback:update" />,
      children: [
        {
          index: true,
          lazy: async () => ({
            Component: (await import("../features/feedback/feedback-form-page")).FeedbackEditPage,
          }),
        },
      ],
    },
  ],
};

/** 查询分析报表: a tab per report (the dashboard first), each page lazy-loaded with its charts. */
const reportsRoute: RouteObject = {
  path: "/reports",
  element: <RequireModule module="reports" />,
  children: [
    {
      lazy: async () => ({ Component: (await import("../features/reports/reports-layout")).ReportsLayout }),
      children: [
        {
          index: true,
          lazy: async () => ({
            Component: (await import("../features/reports/reports-layout")).ReportsIndexRedirect,
          }),
        },
        {
          path: "dashboard",
          lazy: async () => ({
            Component: (await import("../features/reports/dashboard-page")).DashboardPage,
          }),
        },
        {
          path: "first-transactions",
          lazy: async () => ({
            Component: (await import("../features/reports/first-transactions-page")).FirstTransactionsPage,
          }),
        },
        {
          path: "customer-evaluation",
          lazy: async () => ({
            Component: (await import("../features/reports/customer-evaluation-page")).CustomerEvaluationPage,
          }),
        },
        {
          path: "visits",
          lazy: async () => ({ Component: (await import("../features/reports/visits-page")).VisitsPage }),
        },
        {
          path: "customer-value",
          lazy: async () => ({
            Component: (await import("../features/reports/customer-value-page")).CustomerValuePage,
          }),
        },
        {
          path: "satisfaction",
          lazy: async () => ({
            Component: (await import("../features/reports/satisfaction-page")).SatisfactionPage,
          }),
        },
        {
          path: "sales",
          lazy: async () => ({
            Component: (await import("../features/reports/sales-report-page")).SalesReportPage,
          }),
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ],
};

export const routes: RouteObject[] = [
  {
    element: <SessionGate />,
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        path: "/login",
        lazy: async () => ({ Component: (await import("../features/auth/login-page")).LoginPage }),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <Navigate to="/workbench" replace /> },
              {
                path: "/workbench",
                lazy: async () => ({
                  Component: (await import("../features/workbench/workbench-page")).WorkbenchPage,
                }),
              },
              adminRoute,
              customersRoute,
              relationshipRoute,
              productsRoute,
              salesRoute,
              financeRoute,
              feedbackRoute,
              reportsRoute,
              ...placeholderRoutes,
              {
                path: "/personal/:tab?",
                lazy: async () => ({
                  Component: (await import("../features/personal/personal-centre-page")).PersonalCentrePage,
                }),
              },
              {
                path: "/change-password",
                lazy: async () => ({
                  Component: (await import("../features/auth/change-password-page")).ChangePasswordPage,
                }),
              },
              { path: "*", element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
