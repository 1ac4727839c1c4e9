import { MODULES, type ModuleKey } from "@crm/contracts";
import { createBrowserRouter, Navigate, type RouteObject } from "react-router";
import { FullPageSpin } from "../shared/ui/full-page-spin";
import { AppLayout } from "./app-layout";
import { ModulePlaceholderPage } from "./module-placeholder-page";
import { NotFoundPage } from "./not-found-page";
import { RouteErrorPage } from "./route-error-page";
import { RequireAuth, RequireModule, RequirePermission, SessionGate } from "./route-guards";

/** Modules with pages of their own; the others get an honest placeholder page. */
const BUILT: readonly ModuleKey[] = ["workbench", "admin", "customers"];

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
              ...placeholderRoutes,
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
