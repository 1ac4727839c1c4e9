import { App } from "antd";
import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type BlockerFunction, useBlocker } from "react-router";

/**
 * Warns before leaving a form with unsaved input: a confirmation for navigation inside the app,
 * the browser's own prompt for reloads and closing the tab. `setDirty(false)` before navigating away
 * after a save.
 */
export function useUnsavedChanges() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const dirty = useRef(false);
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      dirty.current && currentLocation.pathname !== nextLocation.pathname,
    [],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (blocker.state !== "blocked") return;
    modal.confirm({
      title: t("customers.common.unsavedTitle"),
      content: t("customers.common.unsavedBody"),
      okText: t("customers.common.leave"),
      okButtonProps: { danger: true },
      cancelText: t("customers.common.stay"),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  return useCallback((value: boolean) => {
    dirty.current = value;
  }, []);
}
