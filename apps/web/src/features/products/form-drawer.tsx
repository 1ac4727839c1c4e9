import { Alert, App, Button, Drawer, Flex } from "antd";
import { type ReactNode, useCallback, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useUnsavedChanges } from "../customers/use-unsaved-changes";
import { isConflict, stockErrorMessage } from "./products-format";

interface FormDrawerProps {
  title: string;
  /** The save's error when it does not belong to one input (those show under the input). */
  error?: unknown;
  saving: boolean;
  onSave: () => void;
  onClose: () => void;
  /** `markDirty` for the form's onValuesChange; `clean` before closing after a save. */
  children: (dirty: { markDirty: () => void; clean: () => void }) => ReactNode;
  size?: number;
  /** Left of the footer (a delete button). */
  footerStart?: ReactNode;
  readOnly?: boolean;
}

/**
 * The drawer the product and sales forms open in: a warning before unsaved input is lost (closing
 * or navigating away), one error banner, and Save.
 */
export function FormDrawer(props: FormDrawerProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const setBlocking = useUnsavedChanges();
  const dirty = useRef(false);
  const markDirty = useCallback(() => {
    dirty.current = true;
    setBlocking(true);
  }, [setBlocking]);
  const clean = useCallback(() => {
    dirty.current = false;
    setBlocking(false);
  }, [setBlocking]);

  const close = () => {
    if (!dirty.current) {
      props.onClose();
      return;
    }
    modal.confirm({
      title: t("products.common.unsavedTitle"),
      content: t("products.common.unsavedBody"),
      okText: t("products.common.discard"),
      okButtonProps: { danger: true },
      cancelText: t("products.common.keepEditing"),
      onOk: () => {
        clean();
        props.onClose();
      },
    });
  };

  const error = props.error;
  return (
    <Drawer
      open
      title={props.title}
      size={props.size ?? 560}
      onClose={close}
      destroyOnHidden
      footer={
        <Flex justify="space-between" gap={8}>
          <span>{props.footerStart}</span>
          <Flex gap={8}>
            <Button onClick={close}>
              {props.readOnly ? t("products.common.close") : t("products.common.cancel")}
            </Button>
            {!props.readOnly && (
              <Button type="primary" loading={props.saving} onClick={props.onSave}>
                {t("products.common.save")}
              </Button>
            )}
          </Flex>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {error !== null && error !== undefined && (
          <Alert
            type={isConflict(error) ? "warning" : "error"}
            showIcon
            role="alert"
            title={isConflict(error) ? t("products.common.conflict") : stockErrorMessage(error)}
          />
        )}
        {props.children({ markDirty, clean })}
      </Flex>
    </Drawer>
  );
}
