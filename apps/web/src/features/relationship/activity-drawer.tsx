import { DeleteOutlined } from "@ant-design/icons";
import { Alert, App, Button, Drawer, Flex, Popconfirm } from "antd";
import { type ReactNode, useCallback, useRef } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import { useUnsavedChanges } from "../customers/use-unsaved-changes";
import { isConflict } from "./relationship-format";

interface ActivityDrawerProps {
  title: string;
  /** The record shown, when not a new one: its read-only and deleted state decide the buttons. */
  record?: { readOnly: boolean; ownerName: string | null; deleted?: boolean } | null | undefined;
  /** The save's error when it does not belong to one input (those show under the input). */
  error?: unknown;
  saving: boolean;
  deleting?: boolean;
  onSave: () => void;
  onDelete?: (() => void) | undefined;
  onClose: () => void;
  /** `markDirty` is for the form's onValuesChange; `clean` before closing after a save. */
  children: (dirty: { markDirty: () => void; clean: () => void }) => ReactNode;
  width?: number;
  /** More buttons beside Save (a task's "完成"), shown only when the record may be changed. */
  extraActions?: ReactNode;
}

/**
 * The drawer every activity form opens in: a warning before unsaved input is lost (closing or
 * navigating away), the conflict and error banners, and Save / Delete as the caller may.
 */
export function ActivityDrawer(props: ActivityDrawerProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { can } = usePermissions();
  const setBlocking = useUnsavedChanges();
  const dirty = useRef(false);
  const readOnly = props.record?.readOnly ?? false;
  const deleted = props.record?.deleted ?? false;
  const editable = !readOnly && !deleted && (props.record ? can("activity:update") : can("activity:create"));

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
      title: t("relationship.common.unsavedTitle"),
      content: t("relationship.common.unsavedBody"),
      okText: t("relationship.common.discard"),
      okButtonProps: { danger: true },
      cancelText: t("relationship.common.keepEditing"),
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
      size={props.width ?? 560}
      onClose={close}
      destroyOnHidden
      footer={
        <Flex justify="space-between" gap={8}>
          <span>
            {props.onDelete && props.record && !readOnly && !deleted && can("activity:delete") && (
              <Popconfirm
                title={t("relationship.common.deleteConfirm")}
                okButtonProps={{ danger: true }}
                onConfirm={props.onDelete}
              >
                <Button danger icon={<DeleteOutlined aria-hidden />} loading={props.deleting}>
                  {t("relationship.common.delete")}
                </Button>
              </Popconfirm>
            )}
          </span>
          <Flex gap={8}>
            <Button onClick={close}>
              {editable ? t("relationship.common.cancel") : t("relationship.common.close")}
            </Button>
            {editable && props.extraActions}
            {editable && (
              <Button type="primary" loading={props.saving} onClick={props.onSave}>
                {t("relationship.common.save")}
              </Button>
            )}
          </Flex>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {readOnly && (
          <Alert
            type="info"
            showIcon
            title={t("relationship.common.readOnlyHint", { name: props.record?.ownerName ?? "" })}
          />
        )}
        {deleted && <Alert type="warning" showIcon title={t("relationship.common.deletedBanner")} />}
        {error !== null && error !== undefined && (
          <Alert
            type={isConflict(error) ? "warning" : "error"}
            showIcon
            title={isConflict(error) ? t("relationship.common.conflictTitle") : errorMessage(error)}
            description={isConflict(error) ? t("relationship.common.conflictBody") : undefined}
          />
        )}
        {props.children({ markDirty, clean })}
      </Flex>
    </Drawer>
  );
}
