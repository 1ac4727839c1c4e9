import type { Department } from "@crm/contracts";
import { Form, Modal, TreeSelect } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { departmentOptions, selfAndDescendants } from "./department-tree";

interface MoveDepartmentModalProps {
  department: Department;
  departments: readonly Department[];
  onMove: (parentId: string | null) => void;
  onClose: () => void;
}

/** "Move to…": the keyboard-friendly alternative to dragging a department in the tree. */
export function MoveDepartmentModal({ department, departments, onMove, onClose }: MoveDepartmentModalProps) {
  const { t } = useTranslation();
  const [parentId, setParentId] = useState<string | null>(department.parentId);
  const treeData = useMemo(
    () => departmentOptions(departments, { exclude: selfAndDescendants(departments, department.id) }),
    [departments, department.id],
  );
  return (
    <Modal
      open
      title={t("admin.org.moveTitle", { name: department.name })}
      onCancel={onClose}
      onOk={() => onMove(parentId)}
      okText={t("admin.common.save")}
      cancelText={t("admin.common.cancel")}
      okButtonProps={{ disabled: parentId === department.parentId }}
    >
      <Form layout="vertical">
        <Form.Item label={t("admin.org.moveTarget")} htmlFor="move-department-target">
          <TreeSelect
            id="move-department-target"
            allowClear
            treeDefaultExpandAll
            treeData={treeData}
            value={parentId ?? undefined}
            onChange={(value: string | undefined) => setParentId(value ?? null)}
            placeholder={t("admin.org.noParent")}
            showSearch={{ treeNodeFilterProp: "title" }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
