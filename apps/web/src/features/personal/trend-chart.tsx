import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface TrendSeries {
  name: string;
  kind: "count" | "amount";
  values: number[];
}

/**
 * Counts as bars on the left axis, amounts as lines on the right, one point per month. Only the
 * charts used are imported from echarts, and only this (lazily loaded) page loads them.
 */
export function TrendChart({
  months,
  series,
  label,
}: {
  months: string[];
  series: TrendSeries[];
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element);
    chart.setOption({
      grid: { left: 48, right: 72, top: 40, bottom: 32 },
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      xAxis: { type: "category", data: months },
      yAxis: [
        { type: "value", minInterval: 1 },
        { type: "value", axisLabel: { formatter: (v: number) => `¥${v.toLocaleString()}` } },
      ],
      series: series.map((s) =>
        s.kind === "count"
          ? { name: s.name, type: "bar", data: s.values, barMaxWidth: 18 }
          : { name: s.name, type: "line", yAxisIndex: 1, data: s.values },
      ),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [months, series]);
  return <div ref={ref} role="img" aria-label={label} className="personal-trend-chart" />;
}
