import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntdApp, ConfigProvider, type ThemeConfig } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { type ReactNode, useMemo, useSyncExternalStore } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { isApiError } from "../shared/api";
import { i18n } from "../shared/i18n/i18n";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (bad input, forbidden, not found) do not get better by asking again.
      retry: (failureCount, error) =>
        failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});

const theme: ThemeConfig = {
  token: {
    colorPrimary: "#2854e0",
    borderRadius: 8,
    // Secondary text (Typography "secondary", breadcrumb links, descriptions) at 5.7:1 on white,
    // not antd's 0.45 black (3.4:1, under WCAG AA's 4.5:1).
    colorTextDescription: "rgba(0, 0, 0, 0.6)",
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    // Links in the brand blue (5.9:1), not antd's #1677ff (4.1:1); placeholders at 4.9:1.
    colorLink: "#2854e0",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: "#ffffff", siderBg: "#0f1f47", headerPadding: "0 24px" },
    Menu: {
      darkItemBg: "#0f1f47",
      darkSubMenuItemBg: "#0b1838",
      darkItemSelectedBg: "#2854e0",
    },
  },
};

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

function onMotionSettingChange(changed: () => void) {
  const query = window.matchMedia?.(REDUCED_MOTION);
  query?.addEventListener("change", changed);
  return () => query?.removeEventListener("change", changed);
}

const motionReduced = () => window.matchMedia?.(REDUCED_MOTION).matches ?? false;

/** Whether the system asks for reduced motion (WCAG 2.3.3), followed live as the setting changes. */
const useReducedMotion = () => useSyncExternalStore(onMotionSettingChange, motionReduced);

function LocalizedConfig({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const reducedMotion = useReducedMotion();
  // antd's zooms, slides and fades off (their durations 0) for those who ask for less motion.
  const themed = useMemo(
    () => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reducedMotion],
  );
  return (
    <ConfigProvider
      locale={instance.language === "en" ? enUS : zhCN}
      theme={themed}
      // Keep "登录" as written: antd would render two-character CJK labels as "登 录".
      button={{ autoInsertSpace: false }}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedConfig>{children}</LocalizedConfig>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
