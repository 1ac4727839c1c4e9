import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, UndoOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Popconfirm, Result, Skeleton, Tabs, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { errorMessage, usePermissions } from "../../shared/api";
import { LogContactButton } from "../relationship/log-contact-button";
import { ContactsTab } from "./contacts-tab";
import { isConflict } from "./customer-format";
import { CustomerProfile } from "./customer-profile";
import { CustomerTimeline } from "./customer-timeline";
import { deleteCustomer, restoreCustomer } from "./customers-api";
import { useContacts, useCustomer, useDictionaries, useInvalidateCustomers } from "./use-customer-queries";
import "./customers.css";

type DetailTab = "profile" | "contacts" | "timeline";

/** /customers/:id — profile, contacts and timeline, with the actions the user's permissions allow. */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const tab: DetailTab =
    (["contacts", "timeline"] as const).find((k) => k === search.get("tab")) ?? "profile";
  const customer = useCustomer(id);
  const contacts = useContacts(id);
  const dict = useDictionaries();
  const invalidate = useInvalidateCustomers();

  const onError = (error: unknown) => {
    void message.error(isConflict(error) ? t("customers.common.conflictList") : errorMessage(error));
    void invalidate();
  };
  const remove = useMutation({
    mutationFn: () => deleteCustomer(id, customer.data?.version ?? 0),
    onSuccess: () => {
      void message.success(t("customers.detail.deleted"));
      void invalidate();
    },
    onError,
  });
  const restore = useMutation({
    mutationFn: () => restoreCustomer(id, customer.data?.version ?? 0),
    onSuccess: () => {
      void message.success(t("customers.detail.restored"));
      void invalidate();
    },
    onError,
  });

  if (customer.isPending) {
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }
  if (customer.isError) {
    return (
      <Card variant="borderless">
        <Result
          status="404"
          title={t("customers.detail.notFound")}
          subTitle={errorMessage(customer.error)}
          extra={<Button onClick={() => void navigate("/customers")}>{t("customers.common.back")}</Button>}
        />
      </Card>
    );
  }

  const c = customer.data;
  const live = !c.deleted && !c.mergedIntoId;
  const tabs = [
    { key: "profile", label: t("customers.detail.tabProfile"), children: <CustomerProfile customer={c} /> },
    {
      key: "contacts",
      label: t("customers.detail.tabContacts", { count: contacts.data?.length ?? 0 }),
      children: <ContactsTab customer={c} contacts={contacts} />,
    },
    {
      key: "timeline",
      label: t("customers.detail.tabTimeline"),
      children: <CustomerTimeline customerId={c.id} active={tab === "timeline"} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      {c.mergedIntoId ? (
        <Alert
          type="info"
          showIcon
          title={
            <span>
              {t("customers.detail.mergedBanner")}{" "}
              <Link to={`/customers/${c.mergedIntoId}`}>{t("customers.detail.mergedLink")}</Link>
            </span>
          }
        />
      ) : (
        c.deleted && (
          <Alert
            type="warning"
            showIcon
            title={t("customers.detail.deletedBanner")}
            action={
              can("customer:delete") && (
                <Button
                  size="small"
                  icon={<UndoOutlined aria-hidden />}
                  loading={restore.isPending}
                  onClick={() => restore.mutate()}
                >
                  {t("customers.common.restore")}
                </Button>
              )
            }
          />
        )
      )}
      <Card variant="borderless" className="customer-detail-head">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex vertical gap={8}>
            <Flex align="center" gap={12} wrap>
              <Link to="/customers" aria-label={t("customers.common.back")}>
                <ArrowLeftOutlined aria-hidden />
              </Link>
              <Typography.Title level={2} className="customer-card-title">
                {c.name}
              </Typography.Title>
              <span className="customer-code">{c.code}</span>
            </Flex>
            <Flex gap={8} wrap className="customer-detail-head__meta">
              <Tag color="blue">{dict.label("customer_class", c.class)}</Tag>
              {c.status && <Tag color="green">{dict.label("customer_status", c.status)}</Tag>}
              {c.mergedIntoId && <Tag color="purple">{t("customers.list.mergedTag")}</Tag>}
              {c.deleted && !c.mergedIntoId && <Tag>{t("customers.list.deletedTag")}</Tag>}
              <Typography.Text type="secondary">
                {c.city === c.province ? c.province : `${c.province} ${c.city}`}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t("customers.detail.owner", { name: c.ownerName ?? t("customers.detail.noOwner") })}
              </Typography.Text>
            </Flex>
          </Flex>
          {live && (
            <Flex gap={8}>
              <LogContactButton customer={c} />
              {can("customer:update") && (
                <Button
                  type="primary"
                  icon={<EditOutlined aria-hidden />}
                  onClick={() => void navigate(`/customers/${c.id}/edit`)}
                >
                  {t("customers.common.edit")}
                </Button>
              )}
              {can("customer:delete") && (
                <Popconfirm
                  title={t("customers.detail.deleteConfirm", { name: c.name })}
                  description={t("customers.detail.deleteConfirmHint")}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutate()}
                >
                  <Button danger icon={<DeleteOutlined aria-hidden />} loading={remove.isPending}>
                    {t("customers.common.delete")}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          )}
        </Flex>
      </Card>
      <Card variant="borderless" className="customer-detail-body">
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch(key === "profile" ? {} : { tab: key }, { replace: true })}
          items={tabs}
        />
      </Card>
    </Flex>
  );
}
