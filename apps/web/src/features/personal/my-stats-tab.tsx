import { CONTACT_CHANNELS, type MyStats, type PersonalFigures } from "@crm/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Alert,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../shared/api";
import { fetchMyStats, personalKeys } from "./personal-api";
import {
  DAY,
  formatAmount,
  type Period,
  PRESETS,
  type Preset,
  periodFromSearch,
  presetOf,
  presetPeriod,
} from "./stats-period";
import { TrendChart, type TrendSeries } from "./trend-chart";

type FigureKey = Exclude<keyof PersonalFigures, "contactsByChannel">;
type TrendRow = MyStats["trend"][number];

const GROUPS: { key: "customers" | "work" | "sales"; figures: FigureKey[] }[] = [
  { key: "customers", figures: ["newCustomers", "contactsMade", "careRecords", "feedbackHandled"] },
  { key: "work", figures: ["tasksDone", "tasksOverdue"] },
  {
    key: "sales",
    figures: ["ordersSigned", "orderAmount", "transactionAmount", "paymentsCollected", "receivablesDue"],
  },
];
const HINTED = new Set<FigureKey>([
  "newCustomers",
  "tasksOverdue",
  "paymentsCollected",
  "receivablesDue",
  "feedbackHandled",
]);

function Figure({ name, value }: { name: FigureKey; value: number | string }) {
  const { t } = useTranslation();
  const title = t(`personal.stats.figures.${name}`);
  const text = typeof value === "string" ? formatAmount(value) : value;
  return (
    <section aria-label={title} className="personal-figure">
      <Statistic
        title={
          HINTED.has(name) ? (
            <Tooltip title={t(`personal.stats.hints.${name as "newCustomers"}`)}>
              <span className="personal-figure__hinted">{title}</span>
            </Tooltip>
          ) : (
            title
          )
        }
        value={text}
        valueStyle={name === "tasksOverdue" && value ? { color: "#cf1322" } : undefined}
      />
    </section>
  );
}

/** 联系方式分布: a bar per channel, as long as its share of the period's contacts. */
function Channels({ byChannel }: { byChannel: PersonalFigures["contactsByChannel"] }) {
  const { t } = useTranslation();
  const max = Math.max(0, ...CONTACT_CHANNELS.map((c) => byChannel[c]));
  if (!max)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("personal.stats.noContacts")} />;
  return (
    <ul className="personal-channels" aria-label={t("personal.stats.byChannel")}>
      {CONTACT_CHANNELS.map((c) => (
        <li key={c} className="personal-channel">
          <span className="personal-channel__name">{t(`relationship.channels.${c}`)}</span>
          <span className="personal-channel__track" aria-hidden>
            <span className="personal-channel__bar" style={{ width: `${(byChannel[c] / max) * 100}%` }} />
          </span>
          <span className="personal-channel__count">
            {t("personal.stats.channelCount", { count: byChannel[c] })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** 我的统计: the user's own figures for a period (presets or any range), and the 12 months up to it. */
export function MyStatsTab() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const period = periodFromSearch(search);
  const preset = presetOf(period);
  const stats = useQuery({
    queryKey: personalKeys.stats(period.from, period.to),
    queryFn: () => fetchMyStats(period.from, period.to),
    placeholderData: keepPreviousData,
  });
  const choose = (next: Period) => setSearch({ from: next.from, to: next.to }, { replace: true });
  const [picking, setPicking] = useState(false);

  const trend = stats.data?.trend;
  const chart = useMemo(() => {
    if (!trend) return null;
    const series: TrendSeries[] = [
      {
        name: t("personal.stats.figures.contactsMade"),
        kind: "count",
        values: trend.map((m) => m.contactsMade),
      },
      {
        name: t("personal.stats.figures.newCustomers"),
        kind: "count",
        values: trend.map((m) => m.newCustomers),
      },
      // For drawing only; the table shows the exact amounts.
      {
        name: t("personal.stats.figures.orderAmount"),
        kind: "amount",
        values: trend.map((m) => Number(m.orderAmount)),
      },
      {
        name: t("personal.stats.figures.paymentsCollected"),
        kind: "amount",
        values: trend.map((m) => Number(m.paymentsCollected)),
      },
    ];
    return { months: trend.map((m) => m.month), series };
  }, [trend, t]);

  const trendColumns: TableColumnsType<TrendRow> = [
    { key: "month", title: t("personal.stats.month"), dataIndex: "month", width: 100 },
    ...(["newCustomers", "contactsMade", "careRecords", "tasksDone", "ordersSigned"] as const).map((k) => ({
      key: k,
      title: t(`personal.stats.figures.${k}`),
      dataIndex: k,
      align: "right" as const,
    })),
    ...(["orderAmount", "paymentsCollected"] as const).map((k) => ({
      key: k,
      title: t(`personal.stats.figures.${k}`),
      align: "right" as const,
      render: (_: unknown, row: TrendRow) => formatAmount(row[k]),
    })),
  ];

  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Flex gap={12} wrap align="center">
          <Typography.Text strong>{t("personal.stats.period")}</Typography.Text>
          <Segmented<Preset | "custom">
            value={preset ?? "custom"}
            // "Custom" is any range: it opens the range picker beside it.
            onChange={(value) => (value === "custom" ? setPicking(true) : choose(presetPeriod(value)))}
            options={[
              ...PRESETS.map((p) => ({ value: p, label: t(`personal.stats.presets.${p}`) })),
              { value: "custom" as const, label: t("personal.stats.presets.custom") },
            ]}
            aria-label={t("personal.stats.period")}
          />
          <DatePicker.RangePicker
            open={picking}
            onOpenChange={setPicking}
            value={[dayjs(period.from), dayjs(period.to)]}
            allowClear={false}
            format={DAY}
            placeholder={[t("personal.stats.from"), t("personal.stats.to")]}
            onChange={(range) => {
              const [from, to] = range ?? [];
              if (from && to) choose({ from: from.format(DAY), to: to.format(DAY) });
            }}
          />
        </Flex>
      </Card>

      {stats.isError && (
        <Alert
          type="error"
          showIcon
          title={t("personal.stats.loadFailed")}
          description={errorMessage(stats.error)}
        />
      )}
      {!stats.data ? (
        stats.isPending && <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Row gutter={[16, 16]} className={stats.isPlaceholderData ? "personal-stale" : undefined}>
            {GROUPS.map((group) => (
              <Col key={group.key} xs={24} xl={group.key === "sales" ? 24 : 12}>
                <Card
                  variant="borderless"
                  title={t(`personal.stats.groups.${group.key}`)}
                  style={{ height: "100%" }}
                >
                  <Row gutter={[16, 16]}>
                    {group.figures.map((f) => (
                      <Col
                        key={f}
                        xs={12}
                        md={group.key === "sales" ? 8 : 12}
                        xxl={group.key === "sales" ? 4 : 6}
                      >
                        <Figure name={f} value={stats.data.figures[f]} />
                      </Col>
                    ))}
                  </Row>
                </Card>
              </Col>
            ))}
            <Col xs={24} xl={8}>
              <Card variant="borderless" title={t("personal.stats.byChannel")} style={{ height: "100%" }}>
                <Channels byChannel={stats.data.figures.contactsByChannel} />
              </Card>
            </Col>
            <Col xs={24} xl={16}>
              <Card
                variant="borderless"
                title={t("personal.stats.trend")}
                extra={
                  <Typography.Text type="secondary">
                    {t("personal.stats.trendUntil", { month: stats.data.trend.at(-1)?.month ?? "" })}
                  </Typography.Text>
                }
              >
                {chart && (
                  <TrendChart
                    months={chart.months}
                    series={chart.series}
                    label={t("personal.stats.chartLabel")}
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Card variant="borderless" title={t("personal.stats.byMonth")}>
            <Table<TrendRow>
              rowKey="month"
              size="small"
              columns={trendColumns}
              dataSource={stats.data.trend}
              pagination={false}
              scroll={{ x: 760 }}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
