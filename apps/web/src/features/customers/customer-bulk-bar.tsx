import { DeleteOutlined, EditOutlined, MergeCellsOutlined } from "@ant-design/icons";
import type { Customer } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Flex, Popconfirm, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import { deleteCustomer } from "./customers-api";
import { useInvalidateCustomers } from "./use-customer-queries";

interface CustomerBulkBarProps {
  selected: readonly Customer[];
  onEdit: () => void;
  onMerge: () => void;
  onClear: () => void;
}

/** Shown while rows are selected: bulk edit, merge (2+, customer:merge) and delete (customer:delete). */
export function CustomerBulkBar({ selected, onEdit, onMerge, onClear }: CustomerBulkBarProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const invalidate = useInvalidateCustomers();
  const count = selected.length;

  const remove = useMutation({
    mutationFn: async (customers: readonly Customer[]) => {
      const results = await Promise.allSettled(customers.map((c) => deleteCustomer(c.id, c.version)));
      const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      return { done: results.length - failures.length, failures };
    },
    onSuccess: ({ done, failures }) => {
      if (failures.length) {
        void message.warning(
          t("customers.bulk.deletedPartly", {
            done,
            failed: failures.length,
            reason: errorMessage(failures[0]?.reason),
          }),
        );
      } else {
        void message.success(t("customers.bulk.deleted", { count: done }));
      }
      onClear();
      void invalidate();
    },
  });

  return (
    <Flex
      align="center"
      gap={12}
      wrap
      className="customer-bulk-bar"
      role="region"
      aria-label={t("customers.bulk.selected", { count })}
    >
      <Typography.Text strong>{t("customers.bulk.selected", { count })}</Typography.Text>
      {can("customer:update") && (
        <Button size="small" icon={<EditOutlined aria-hidden />} onClick={onEdit}>
          {t("customers.bulk.edit")}
        </Button>
      )}
      {can("customer:merge") && (
        <Tooltip title={count < 2 ? t("customers.bulk.mergeHint") : undefined}>
          <Button
            size="small"
            icon={<MergeCellsOutlined aria-hidden />}
            disabled={count < 2 || count > 21}
            onClick={onMerge}
          >
            {t("customers.bulk.merge")}
          </Button>
        </Tooltip>
      )}
      {can("customer:delete") && (
        <Popconfirm
          title={t("customers.bulk.deleteConfirm", { count })}
          description={t("customers.bulk.deleteConfirmHint")}
          onConfirm={() => remove.mutate(selected)}
          okButtonProps={{ danger: true }}
        >
          <Button size="small" danger icon={<DeleteOutlined aria-hidden />} loading={remove.isPending}>
            {t("customers.bulk.delete")}
          </Button>
        </Popconfirm>
      )}
      <Button size="small" type="link" onClick={onClear}>
        {t("customers.bulk.clear")}
      </Button>
    </Flex>
  );
}
