import { MoreOutlined, PlusOutlined } from "@ant-design/icons";
import type { Department } from "@crm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Dropdown,
  Empty,
  Flex,
  type MenuProps,
  Space,
  Tag,
  Tree,
  type TreeDataNode,
  type TreeProps,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import { setDepartmentDisabled, updateDepartment } from "./admin-api";
import { isConflict } from "./admin-format";
import { DepartmentFormModal, type DepartmentFormTarget } from "./department-form-modal";
import { buildDepartmentTree, type DepartmentNode } from "./department-tree";
import { MoveDepartmentModal } from "./move-department-modal";
import { adminKeys, useDepartments, useInvalidateAdmin } from "./use-admin-queries";
import "./admin.css";

interface DepartmentTreeNode extends TreeDataNode {
  key: string;
  department: Department;
  children: DepartmentTreeNode[];
}

const toTreeData = (nodes: DepartmentNode[]): DepartmentTreeNode[] =>
  nodes.map((n) => ({ key: n.department.id, department: n.department, children: toTreeData(n.children) }));

/** 组织架构: the department tree; drag (or "move to…") to re-parent, with If-Match and revert on refusal. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { can } = usePermissions();
  const manage = can("department:manage");
  const client = useQueryClient();
  const invalidate = useInvalidateAdmin();
  const departments = useDepartments();
  const list = departments.data ?? [];
  const treeData = useMemo(() => toTreeData(buildDepartmentTree(list)), [list]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<DepartmentFormTarget | null>(null);
  const [moving, setMoving] = useState<Department | null>(null);
  const selected = list.find((d) => d.id === selectedId) ?? null;
  const byId = (id: string | null) => list.find((d) => d.id === id);

  const showRefusal = (error: unknown) => {
    modal.error({
      title: isConflict(error) ? t("admin.common.conflictTitle") : t("admin.common.failed"),
      content: isConflict(error) ? t("admin.common.conflictList") : errorMessage(error),
    });
  };

  const move = useMutation({
    mutationFn: ({ department, parentId }: { department: Department; parentId: string | null }) =>
      updateDepartment(department.id, department.version, { parentId }),
    // Show the move at once; put the tree back if the server refuses (cycle, stale version, …).
    onMutate: async ({ department, parentId }) => {
      await client.cancelQueries({ queryKey: adminKeys.departments });
      const before = client.getQueryData<Department[]>(adminKeys.departments);
      client.setQueryData<Department[]>(adminKeys.departments, (old) =>
        old?.map((d) => (d.id === department.id ? { ...d, parentId } : d)),
      );
      return { before };
    },
    onError: (error, _vars, context) => {
      if (context?.before) client.setQueryData(adminKeys.departments, context.before);
      showRefusal(error);
    },
    onSuccess: () => void message.success(t("admin.org.moved")),
    onSettled: () => void invalidate("departments", "users"),
  });
  const toggle = useMutation({
    mutationFn: (d: Department) => setDepartmentDisabled(d.id, d.version, !d.disabled),
    onSuccess: (d) => {
      void message.success(d.disabled ? t("admin.org.disabledDone") : t("admin.org.enabledDone"));
      void invalidate("departments", "users");
    },
    onError: (error) => {
      showRefusal(error);
      void invalidate("departments");
    },
  });

  const requestMove = (department: Department, parentId: string | null) => {
    setMoving(null);
    if (parentId !== department.parentId) move.mutate({ department, parentId });
  };
  const confirmToggle = (d: Department) =>
    modal.confirm({
      title: d.disabled
        ? t("admin.org.enableConfirm", { name: d.name })
        : t("admin.org.disableConfirm", { name: d.name }),
      okText: d.disabled ? t("admin.common.enable") : t("admin.common.disable"),
      cancelText: t("admin.common.cancel"),
      okButtonProps: { danger: !d.disabled },
      onOk: () => toggle.mutateAsync(d).catch(() => undefined),
    });

  const menuFor = (d: Department): MenuProps => ({
    items: [
      { key: "child", label: t("admin.org.createChild"), disabled: d.disabled },
      { key: "edit", label: t("admin.common.edit") },
      { key: "move", label: t("admin.org.moveTo") },
      { type: "divider" },
      {
        key: "toggle",
        label: d.disabled ? t("admin.common.enable") : t("admin.common.disable"),
        danger: !d.disabled,
      },
    ],
    onClick: ({ key, domEvent }) => {
      domEvent.stopPropagation();
      if (key === "child") setForm({ mode: "create", parent: d });
      if (key === "edit") setForm({ mode: "edit", department: d });
      if (key === "move") setMoving(d);
      if (key === "toggle") confirmToggle(d);
    },
  });

  const onDrop: TreeProps<DepartmentTreeNode>["onDrop"] = (info) => {
    const dragged = info.dragNode.department;
    const target = info.node.department;
    // Dropped onto a node: becomes its child; dropped into the gap beside it: becomes its sibling.
    const parentId = info.dropToGap ? target.parentId : target.id;
    requestMove(dragged, parentId);
  };

  const allIds = list.map((d) => d.id);
  const titleRender = (node: DepartmentTreeNode) => {
    const d = node.department;
    return (
      <span className={`org-node${d.disabled ? " org-node--disabled" : ""}`}>
        <Tag className="org-node__code">{d.code}</Tag>
        <span className="org-node__name">{d.name}</span>
        <span className="org-node__meta">
          {t("admin.org.members", { count: d.memberCount })} · {d.headName ?? t("admin.org.noHead")}
        </span>
        {d.disabled && <Tag>{t("admin.common.disabled")}</Tag>}
        {manage && (
          <Dropdown menu={menuFor(d)} trigger={["click"]}>
            <Button
              type="text"
              size="small"
              className="org-node__more"
              icon={<MoreOutlined aria-hidden />}
              aria-label={`${t("admin.common.more")}：${d.name}`}
              onClick={(e) => e.stopPropagation()}
            />
          </Dropdown>
        )}
      </span>
    );
  };

  const parent = byId(selected?.parentId ?? null);
  return (
    <Flex gap={16} align="flex-start" wrap>
      <Card
        variant="borderless"
        className="org-tree-card"
        title={t("admin.org.tree")}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setForm({ mode: "create", parent: selected })}
            >
              {t("admin.org.create")}
            </Button>
          )
        }
      >
        {manage && (
          <Alert type="info" showIcon title={t("admin.org.dragHint")} style={{ marginBottom: 12 }} />
        )}
        {departments.isError && <Alert type="error" showIcon title={errorMessage(departments.error)} />}
        {treeData.length === 0 && !departments.isLoading ? (
          <Empty description={t("admin.org.empty")} />
        ) : (
          <Tree<DepartmentTreeNode>
            aria-label={t("admin.org.tree")}
            blockNode
            draggable={manage ? { icon: false } : false}
            treeData={treeData}
            titleRender={titleRender}
            expandedKeys={allIds.filter((id) => !collapsed.has(id))}
            onExpand={(keys) => setCollapsed(new Set(allIds.filter((id) => !keys.includes(id))))}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(_keys, info) => setSelectedId(info.node.key)}
            onDrop={onDrop}
          />
        )}
      </Card>
      <Card variant="borderless" className="org-detail-card" title={selected?.name ?? t("admin.org.detail")}>
        {selected ? (
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: "code", label: t("admin.org.code"), children: selected.code },
              {
                key: "parent",
                label: t("admin.org.parent"),
                children: parent?.name ?? t("admin.org.noParent"),
              },
              {
                key: "head",
                label: t("admin.org.head"),
                children: selected.headName ?? t("admin.org.noHead"),
              },
              { key: "members", label: t("admin.org.memberCount"), children: selected.memberCount },
              {
                key: "status",
                label: t("admin.common.status"),
                children: selected.disabled ? t("admin.common.disabled") : t("admin.common.active"),
              },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t("admin.org.selectHint")}</Typography.Text>
        )}
        {selected && manage && (
          <Space wrap style={{ marginTop: 16 }}>
            <Button onClick={() => setForm({ mode: "edit", department: selected })}>
              {t("admin.common.edit")}
            </Button>
            <Button onClick={() => setMoving(selected)}>{t("admin.org.moveTo")}</Button>
          </Space>
        )}
      </Card>
      {form && (
        <DepartmentFormModal
          target={form}
          departments={list}
          onClose={() => setForm(null)}
          onSaved={(d) => setSelectedId(d.id)}
        />
      )}
      {moving && (
        <MoveDepartmentModal
          department={moving}
          departments={list}
          onClose={() => setMoving(null)}
          onMove={(parentId) => requestMove(moving, parentId)}
        />
      )}
    </Flex>
  );
}
