// The interactive chart (tooltips, legend), drawn by recharts in the browser once the page has hydrated. Loaded
// lazily by ChartFigure, so neither the server nor a page without charts loads recharts.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Locale } from "~/i18n";
import { axisTicks, colorOf, formatTick, formatValue, formatX, type ChartRow, type ChartSeries, type ChartUnit, type ChartX } from "./chart-data";

export type RechartsChartProps = {
  locale: Locale;
  rows: ChartRow[];
  x: ChartX;
  series: ChartSeries[];
  kind: "line" | "bar";
  unit: ChartUnit;
  currency: string;
  height: number;
  horizontal: boolean;
};

const AXIS = { fontSize: 12, fill: "#475569" };

export default function RechartsChart({ locale, rows, x, series, kind, unit, currency, height, horizontal }: RechartsChartProps) {
  const unitOf = (key: string) => series.find((s) => s.key === key)?.unit ?? unit;
  const levels = unit === "level" ? { domain: [0, 3] as [number, number], ticks: axisTicks(unit, 3) } : {};
  const valueAxis = { tick: AXIS, tickFormatter: (v: number) => formatTick(locale, unit, v, currency), allowDecimals: unit !== "count", ...levels };
  const categoryAxis = { dataKey: x.key, tick: AXIS, tickFormatter: (v: string) => formatX(locale, x, v) };
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart
        data={rows}
        layout={horizontal ? "vertical" : "horizontal"}
        margin={{ top: 8, right: 12, bottom: 4, left: horizontal ? 8 : 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={horizontal} horizontal={!horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" {...valueAxis} />
            <YAxis type="category" width={120} {...categoryAxis} />
          </>
        ) : (
          <>
            <XAxis {...categoryAxis} minTickGap={8} />
            <YAxis width={unit === "level" ? 112 : 48} {...valueAxis} />
          </>
        )}
        <Tooltip
          formatter={(value, name, item) => [formatValue(locale, unitOf(String(item.dataKey)), typeof value === "number" ? value : null, currency), name]}
          labelFormatter={(label) => formatX(locale, x, label as string, { long: true })}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value) => <span style={{ color: "#334155" }}>{value}</span>} />
        {series.map((s, i) =>
          (s.kind ?? kind) === "bar" ? (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={colorOf(s, i)} stackId={s.stack} isAnimationActive={false} maxBarSize={36} />
          ) : (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={colorOf(s, i)}
              strokeWidth={2}
              strokeDasharray={s.dashed ? "6 4" : undefined}
              dot={s.dashed ? false : { r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
