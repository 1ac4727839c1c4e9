import { PlusOutlined, StarFilled } from "@ant-design/icons";
import type { Contact, Customer } from "@crm/contracts";
import { type UseQueryResult, useMutation } from "@tanstack/react-query";
import {
  App,
  Button,
  Empty,
  Flex,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import { customValueDisplay, fieldLabel } from "../../shared/custom-fields/custom-field-values";
import { activeFields, useCustomFields } from "../../shared/custom-fields/use-custom-fields";
import { ContactFormModal } from "./contact-form-modal";
import { formatDate, isConflict } from "./customer-format";
import { deleteContact, updateContact } from "./customers-api";
import { useInvalidateCustomers } from "./use-customer-queries";

interface ContactsTabProps {
  customer: Customer;
  contacts: UseQueryResult<Contact[]>;
}

/** The customer's contacts: primary first; add, edit, delete and make primary by permission. */
export function ContactsTab({ customer, contacts }: ContactsTabProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const invalidate = useInvalidateCustomers();
  /** undefined: closed; null: a new contact. */
  const [editing, setEditing] = useState<Contact | null | undefined>();
  const live = !customer.deleted && !customer.mergedIntoId;
  const definitions = activeFields(useCustomFields("contact").data);
  const items = [...(contacts.data ?? [])].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));

  const onError = (error: unknown) => {
    void message.error(isConflict(error) ? t("customers.common.conflictList") : errorMessage(error));
    void invalidate();
  };
  const remove = useMutation({
    mutationFn: (c: Contact) => deleteContact(c.id, c.version),
    onSuccess: () => {
      void message.success(t("customers.contacts.deleted"));
      void invalidate();
    },
    onError,
  });
  const primary = useMutation({
    mutationFn: (c: Contact) => updateContact(c.id, c.version, { isPrimary: true }),
    onSuccess: (c) => {
      void message.success(t("customers.contacts.primaryDone", { name: c.name }));
      void invalidate();
    },
    onError,
  });

  const columns: TableColumnsType<Contact> = [
    {
      key: "name",
      title: t("customers.contacts.name"),
      render: (_, c) => (
        <Flex gap={6} align="center">
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.isPrimary && (
            <Tag color="gold" icon={<StarFilled aria-hidden />}>
              {t("customers.contacts.primary")}
            </Tag>
          )}
        </Flex>
      ),
    },
    { key: "title", title: t("customers.contacts.title"), dataIndex: "title" },
    { key: "department", title: t("customers.contacts.department"), dataIndex: "department" },
    { key: "mobile", title: t("customers.contacts.mobile"), dataIndex: "mobile" },
    { key: "phone", title: t("customers.contacts.phone"), dataIndex: "phone" },
    { key: "email", title: t("customers.contacts.email"), dataIndex: "email" },
    { key: "wechat", title: t("customers.contacts.wechat"), dataIndex: "wechat" },
    {
      key: "birthday",
      title: t("customers.contacts.birthday"),
      render: (_, c) => formatDate(c.birthday, i18n.language),
    },
    // The contacts' custom fields (自定义字段), after the built-in ones.
    ...definitions.map((def): TableColumnsType<Contact>[number] => ({
      key: `cf.${def.key}`,
      title: fieldLabel(def, i18n.language),
      align: def.type === "number" ? "right" : undefined,
      render: (_, c) => customValueDisplay(def, c.customFields[def.key], i18n.language),
    })),
  ];
  if (live && (can("contact:update") || can("contact:delete"))) {
    columns.push({
      key: "actions",
      title: t("customers.contacts.actions"),
      fixed: "right",
      width: 200,
      render: (_, c) => (
        <Space size={0}>
          {can("contact:update") && (
            <Button type="link" size="small" onClick={() => setEditing(c)}>
              {t("customers.common.edit")}
            </Button>
          )}
          {can("contact:update") && !c.isPrimary && (
            <Button type="link" size="small" onClick={() => primary.mutate(c)}>
              {t("customers.contacts.setPrimary")}
            </Button>
          )}
          {can("contact:delete") && (
            <Popconfirm
              title={t("customers.contacts.deleteConfirm", { name: c.name })}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutate(c)}
            >
              <Button type="link" size="small" danger>
                {t("customers.common.delete")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Flex vertical gap={12}>
      {live && can("contact:create") && (
        <Flex justify="flex-end">
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
            {t("customers.contacts.add")}
          </Button>
        </Flex>
      )}
      <Table<Contact>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={contacts.isFetching}
        pagination={false}
        scroll={{ x: "max-content" }}
        className="contacts-table"
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customers.contacts.empty")} />
          ),
        }}
        expandable={{
          rowExpandable: (c) => !!c.notes,
          expandedRowRender: (c) => (
            <Typography.Paragraph className="contact-notes">{c.notes}</Typography.Paragraph>
          ),
        }}
      />
      {editing !== undefined && (
        <ContactFormModal
          key={editing?.id ?? "new"}
          customerId={customer.id}
          contact={editing}
          first={items.length === 0}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Flex>
  );
}
