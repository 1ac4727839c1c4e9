import { PlusOutlined } from "@ant-design/icons";
import { MATERIAL_REQUEST_STATUSES, type MaterialRequest, MaterialRequestCreate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  App,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Tag,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError, usePermissions } from "../../shared/api";
import { applyFieldErrors, zodRule } from "../../shared/forms/zod-rule";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { CsvButton, LoadMore } from "./list-parts";
import { createMaterialRequest, transitionMaterialRequest } from "./products-api";
import { blankToNull, formatQuantity, quantityRule } from "./products-format";
import { useInvalidateProducts, useMaterialRequests } from "./use-products-queries";

const STATUS_COLORS = { requested: "gold", accepted: "blue", done: "green", rejected: "default" } as const;

/** 材料单 (D-04): supply & sales ask production for material; production accepts, rejects or finishes. */
export function MaterialsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const invalidate = useInvalidateProducts();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300) || undefined;
  const [status, setStatus] = useState<string | undefined>();
  const list = useMaterialRequests({ q, status });
  const [creating, setCreating] = useState(false);

  const act = useMutation({
    mutationFn: (v: { r: MaterialRequest; action: "accept" | "reject" | "done" }) =>
      transitionMaterialRequest(v.r.id, v.r.version, v.action),
    onSuccess: (r) => {
      void message.success(
        t("products.materials.changed", {
          number: r.number,
          status: t(`products.materials.statuses.${r.status}`),
        }),
      );
      void invalidate();
    },
    onError: (error) => {
      void message.error(errorMessage(error));
      void invalidate();
    },
  });

  const columns: TableColumnsType<MaterialRequest> = [
    { key: "number", title: t("products.materials.number"), width: 120, render: (_, r) => r.number },
    {
      key: "material",
      title: t("products.materials.materialName"),
      render: (_, r) => `${r.materialName}${r.materialCode ? `（${r.materialCode}）` : ""}`,
    },
    {
      key: "quantity",
      title: t("products.materials.quantity"),
      width: 110,
      align: "right",
      render: (_, r) => `${formatQuantity(r.quantity)} ${r.unit}`,
    },
    {
      key: "neededBy",
      title: t("products.materials.neededBy"),
      width: 110,
      render: (_, r) => r.neededBy ?? "",
    },
    {
      key: "status",
      title: t("products.materials.status"),
      width: 90,
      render: (_, r) => (
        <Tag color={STATUS_COLORS[r.status]}>{t(`products.materials.statuses.${r.status}`)}</Tag>
      ),
    },
    {
      key: "requestedBy",
      title: t("products.materials.requestedBy"),
      width: 90,
      render: (_, r) => r.requestedByName ?? "",
    },
    {
      key: "handledBy",
      title: t("products.materials.handledBy"),
      width: 90,
      render: (_, r) => r.handledByName ?? "",
    },
    {
      key: "createdAt",
      title: t("products.materials.createdAt"),
      width: 140,
      render: (_, r) => dayjs(r.createdAt).format("YYYY-MM-DD HH:mm"),
    },
    { key: "notes", title: t("products.materials.notes"), render: (_, r) => r.notes ?? "" },
    {
      key: "actions",
      title: t("products.common.actions"),
      width: 150,
      fixed: "right",
      render: (_, r) =>
        can("product:update") && (
          <Flex gap={4}>
            {r.status === "requested" && (
              <Button size="small" type="link" onClick={() => act.mutate({ r, action: "accept" })}>
                {t("products.materials.accept")}
              </Button>
            )}
            {r.status === "accepted" && (
              <Button size="small" type="link" onClick={() => act.mutate({ r, action: "done" })}>
                {t("products.materials.done")}
              </Button>
            )}
            {(r.status === "requested" || r.status === "accepted") && (
              <Popconfirm
                title={t("products.materials.rejectConfirm")}
                okButtonProps={{ danger: true }}
                onConfirm={() => act.mutate({ r, action: "reject" })}
              >
                <Button size="small" type="link" danger>
                  {t("products.materials.reject")}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Input.Search
          aria-label={t("products.materials.search")}
          placeholder={t("products.materials.search")}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t("products.materials.status")}
          value={status ?? ""}
          onChange={(v: string) => setStatus(v || undefined)}
          options={[
            { value: "", label: t("products.materials.allStatuses") },
            ...MATERIAL_REQUEST_STATUSES.map((s) => ({
              value: s,
              label: t(`products.materials.statuses.${s}`),
            })),
          ]}
          style={{ width: 130 }}
        />
        <Flex gap={8} style={{ marginLeft: "auto" }}>
          <CsvButton
            fileName={t("products.materials.fileName")}
            header={[
              t("products.materials.number"),
              t("products.materials.materialName"),
              t("products.materials.materialCode"),
              t("products.materials.quantity"),
              t("products.materials.unit"),
              t("products.materials.neededBy"),
              t("products.materials.status"),
              t("products.materials.requestedBy"),
              t("products.materials.handledBy"),
              t("products.materials.notes"),
            ]}
            rows={() =>
              list.items.map((r) => [
                r.number,
                r.materialName,
                r.materialCode,
                formatQuantity(r.quantity),
                r.unit,
                r.neededBy,
                t(`products.materials.statuses.${r.status}`),
                r.requestedByName,
                r.handledByName,
                r.notes,
              ])
            }
          />
          {can("order:create") && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t("products.materials.new")}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<MaterialRequest>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t("products.materials.empty") }}
      />
      <LoadMore
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {creating && <MaterialRequestModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}

type Values = {
  materialName: string;
  materialCode: string;
  quantity: string;
  unit: string;
  neededBy: Dayjs | null;
  notes: string;
};
const shape = MaterialRequestCreate.shape;

function MaterialRequestModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateProducts();
  const [form] = Form.useForm<Values>();
  const label = (k: keyof Values) => t(`products.materials.${k}`);
  const save = useMutation({
    mutationFn: (v: Values) =>
      createMaterialRequest({
        materialName: v.materialName.trim(),
        materialCode: blankToNull(v.materialCode),
        quantity: v.quantity.trim(),
        unit: v.unit.trim(),
        neededBy: v.neededBy?.format("YYYY-MM-DD") ?? null,
        notes: blankToNull(v.notes),
      }),
    onSuccess: (r) => {
      void message.success(t("products.materials.created", { number: r.number }));
      void invalidate();
      onClose();
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, Object.keys(shape));
      else void message.error(errorMessage(error));
    },
  });
  return (
    <Modal
      open
      title={t("products.materials.addTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("products.common.save")}
      cancelText={t("products.common.cancel")}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="material-request-form"
        initialValues={{
          materialName: "",
          materialCode: "",
          quantity: "",
          unit: "件",
          neededBy: null,
          notes: "",
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} sm={14}>
            <Form.Item
              name="materialName"
              label={label("materialName")}
              required
              rules={[zodRule(shape.materialName, label("materialName"))]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="materialCode" label={label("materialCode")} rules={[{ max: 30 }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="quantity"
              label={label("quantity")}
              required
              rules={[quantityRule(label("quantity"))]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="unit"
              label={label("unit")}
              required
              rules={[zodRule(shape.unit, label("unit"))]}
            >
              <Input maxLength={10} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="neededBy" label={label("neededBy")}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={label("notes")} rules={[{ max: 500 }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
