import { canOpenModule, MODULES, type ModuleKey } from "@crm/contracts";
import type { MenuProps } from "antd";
import type { TFunction } from "i18next";
import { Link } from "react-router";
import { ModuleIcon } from "../shared/ui/module-icon";
import { CHANGE_PASSWORD_PATH } from "./route-guards";

/** 个人中心: profile, 我的统计 and notification settings, reached from the user menu. */
export const PERSONAL_PATH = "/personal";

export type PageKey = ModuleKey | "changePassword" | "personal" | "notFound";

/** The modules the user may open, in menu order. */
export function openableModules(permissions: readonly string[]) {
  return MODULES.filter((module) => canOpenModule(module, permissions));
}

/** The side menu: one entry per module of @crm/contracts the user may open, keyed by its path. */
export function moduleMenuItems(
  t: TFunction,
  permissions: readonly string[],
): NonNullable<MenuProps["items"]> {
  return openableModules(permissions).map((module) => ({
    key: module.path,
    icon: <ModuleIcon module={module.key} />,
    label: <Link to={module.path}>{t(`nav.${module.key}`)}</Link>,
  }));
}

export function moduleForPath(pathname: string): (typeof MODULES)[number] | undefined {
  return MODULES.find((m) => pathname === m.path || pathname.startsWith(`${m.path}/`));
}

export function pageForPath(pathname: string): PageKey {
  if (pathname === CHANGE_PASSWORD_PATH) return "changePassword";
  if (pathname === PERSONAL_PATH || pathname.startsWith(`${PERSONAL_PATH}/`)) return "personal";
  return moduleForPath(pathname)?.key ?? "notFound";
}

export function pageTitle(t: TFunction, page: PageKey): string {
  return t(`nav.${page}`);
}
