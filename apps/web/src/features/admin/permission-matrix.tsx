import { PERMISSION_CATALOGUE, type PermissionModule } from "@crm/contracts";
import { Checkbox, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";

type Action = (typeof PERMISSION_CATALOGUE)[PermissionModule][number];

const MODULES = Object.keys(PERMISSION_CATALOGUE) as PermissionModule[];
/** Every action of any module, in the order they first appear: one column each. */
const ACTIONS = [...new Set(Object.values(PERMISSION_CATALOGUE).flat())] as Action[];
const ALL = MODULES.flatMap((m) => PERMISSION_CATALOGUE[m].map((a) => `${m}:${a}`));

const actionsOf = (module: PermissionModule): readonly Action[] => PERMISSION_CATALOGUE[module];

interface PermissionMatrixProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
  /** Only these may be ticked (e.g. what an API key's service user holds); all when absent. */
  available?: ReadonlySet<string> | undefined;
}

/** 权限矩阵: a row per module, a checkbox column per action, and "select all" per row and overall. */
export function PermissionMatrix({ value = [], onChange, disabled, available }: PermissionMatrixProps) {
  const { t } = useTranslation();
  const held = new Set(value);
  const may = (p: string) => !available || available.has(p);
  const set = (permissions: string[], on: boolean) => {
    const next = new Set(held);
    for (const p of permissions.filter(may)) {
      if (on) next.add(p);
      else next.delete(p);
    }
    // Keep the catalogue order so the saved list reads like the matrix.
    onChange?.(ALL.filter((p) => next.has(p)));
  };
  const allowed = ALL.filter(may);
  const allOn = allowed.length > 0 && allowed.every((p) => held.has(p));
  const someOn = ALL.some((p) => held.has(p));

  const columns: TableColumnsType<PermissionModule> = [
    {
      key: "module",
      title: t("admin.roles.module"),
      fixed: "left",
      width: 110,
      render: (_, m) => t(`admin.modules.${m}`),
    },
    {
      key: "all",
      width: 96,
      className: "permission-matrix__all",
      align: "center",
      title: (
        <Checkbox
          checked={allOn}
          indeterminate={someOn && !allOn}
          disabled={disabled || allowed.length === 0}
          onChange={(e) => set(ALL, e.target.checked)}
          aria-label={t("admin.roles.allPermissions")}
        >
          {t("admin.roles.selectAll")}
        </Checkbox>
      ),
      render: (_, m) => {
        const row = actionsOf(m)
          .map((a) => `${m}:${a}`)
          .filter(may);
        const on = row.filter((p) => held.has(p)).length;
        return (
          <Checkbox
            checked={row.length > 0 && on === row.length}
            indeterminate={on > 0 && on < row.length}
            disabled={disabled || row.length === 0}
            onChange={(e) => set(row, e.target.checked)}
            aria-label={t("admin.roles.selectRow", { module: t(`admin.modules.${m}`) })}
          />
        );
      },
    },
    ...ACTIONS.map((action) => ({
      key: action,
      title: t(`admin.permissionActions.${action}`),
      align: "center" as const,
      render: (_: unknown, m: PermissionModule) => {
        if (!actionsOf(m).includes(action)) {
          return (
            <span className="permission-matrix__na" title={t("admin.roles.notApplicable")}>
              ·
            </span>
          );
        }
        const permission = `${m}:${action}`;
        return (
          <Checkbox
            checked={held.has(permission)}
            disabled={disabled || !may(permission)}
            onChange={(e) => set([permission], e.target.checked)}
            aria-label={t("admin.roles.cell", {
              module: t(`admin.modules.${m}`),
              action: t(`admin.permissionActions.${action}`),
            })}
          />
        );
      },
    })),
  ];

  return (
    <Table<PermissionModule>
      className="permission-matrix"
      rowKey={(m) => m}
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={MODULES}
      scroll={{ x: "max-content" }}
    />
  );
}
