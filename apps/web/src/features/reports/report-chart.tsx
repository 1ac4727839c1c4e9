import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only what the report pages draw: bars, lines and pies on a canvas.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

interface ReportChartProps {
  option: ChartOption;
  /** A click on a bar, point or slice: its category (or name) and series. */
  onSelect?: (hit: { name: string; dataIndex: number; seriesIndex: number }) => void;
  height?: number;
  /** What the chart shows, for screen readers (the table beside it holds the numbers). */
  label: string;
}

/** One ECharts chart that follows its container's width; clicking a figure drills into it. */
export function ReportChart({ option, onSelect, height = 300, label }: ReportChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (p) => {
      const params = p as { name?: string; dataIndex?: number; seriesIndex?: number };
      select.current?.({
        name: String(params.name ?? ""),
        dataIndex: params.dataIndex ?? 0,
        seriesIndex: params.seriesIndex ?? 0,
      });
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    const beforePrint = () => instance.resize();
    window.addEventListener("beforeprint", beforePrint);
    return () => {
      window.removeEventListener("beforeprint", beforePrint);
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Bars no wider than a thumb, however few there are.
    const series = Array.isArray(option.series)
      ? option.series.map((s: { type?: string }) => (s.type === "bar" ? { barMaxWidth: 56, ...s } : s))
      : option.series;
    chart.current?.setOption({ animation: false, ...option, series }, true);
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      className="report-chart"
      style={{ height, width: "100%", cursor: onSelect ? "pointer" : undefined }}
    />
  );
}

/** Money strings as chart numbers (display only; the tables keep the exact figures). */
export const chartNumber = (v: string | null | undefined) => (v ? Number(v) : 0);
