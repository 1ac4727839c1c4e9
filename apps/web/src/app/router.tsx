import { MODULES } from "@crm/contracts";
import { createBrowserRouter, Navigate, type RouteObject } from "react-router";
import { FullPageSpin } from "../shared/ui/full-page-spin";
import { AppLayout } from "./app-layout";
import { ModulePlaceholderPage } from "./module-placeholder-page";
import { NotFoundPage } from "./not-found-page";
import { RouteErrorPage } from "./route-error-page";
import { RequireAuth, SessionGate } from "./route-guards";

/** Modules that are not built yet get an honest placeholder page. */
const placeholderRoutes: RouteObject[] = MODULES.filter((m) => m.key !== "workbench").map((module) => ({
  path: module.path,
  element: <ModulePlaceholderPage module={module.key} />,
}));

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
