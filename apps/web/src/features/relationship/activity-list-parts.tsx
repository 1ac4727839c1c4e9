import { Button, DatePicker, Flex, Input, Result, Tag, Typography } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage } from "../../shared/api";
import { CustomerSelect } from "./activity-pickers";
import { DATE } from "./relationship-format";

export interface ListFilters {
  customerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

/** Customer, date range and search over an activity list. `q` is typed here, debounced by the caller. */
export function ActivityFilterBar({
  value,
  onChange,
  extra,
}: {
  value: ListFilters;
  onChange: (next: ListFilters) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap align="center" className="activity-filters">
      <div style={{ width: 260 }}>
        <CustomerSelect
          aria-label={t("relationship.common.customer")}
          value={value.customerId}
          onChange={(customerId) => onChange({ ...value, customerId: customerId ?? undefined })}
        />
      </div>
      <DatePicker.RangePicker
        aria-label={t("relationship.common.dateRange")}
        value={[value.from ? dayjs(value.from, DATE) : null, value.to ? dayjs(value.to, DATE) : null]}
        onChange={(range) =>
          onChange({ ...value, from: range?.[0]?.format(DATE), to: range?.[1]?.format(DATE) })
        }
        allowEmpty={[true, true]}
      />
      <Input.Search
        aria-label={t("relationship.common.search")}
        placeholder={t("relationship.common.search")}
        allowClear
        value={value.q ?? ""}
        onChange={(e) => onChange({ ...value, q: e.target.value || undefined })}
        style={{ width: 220 }}
      />
      {extra}
    </Flex>
  );
}

/** "Load more" under a cursor list, or how many there are once all are loaded. */
export function LoadMore(props: {
  count: number;
  hasNextPage: boolean;
  loading: boolean;
  onLoad: () => void;
}) {
  const { t } = useTranslation();
  if (!props.count) return null;
  return (
    <Flex justify="center" style={{ marginTop: 12 }}>
      {props.hasNextPage ? (
        <Button onClick={props.onLoad} loading={props.loading}>
          {t("relationship.common.loadMore")}
        </Button>
      ) : (
        <Typography.Text type="secondary">
          {t("relationship.common.allLoaded", { count: props.count })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** Owner's name, with a tag when the row is only shared with the caller. */
export function OwnerCell({ name, readOnly }: { name: string | null; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap align="center">
      <span>{name ?? t("relationship.common.none")}</span>
      {readOnly && <Tag color="purple">{t("relationship.common.readOnly")}</Tag>}
    </Flex>
  );
}

/** A link from a notification or a bookmark to a record the user may not (or no longer) see. */
export function ActivityNotFound({ error, back }: { error: unknown; back: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t("relationship.common.notFound")}
      subTitle={error ? errorMessage(error) : t("relationship.common.notFoundBody")}
      extra={<Button onClick={() => void navigate(back)}>{t("relationship.common.backToList")}</Button>}
    />
  );
}
