// The interactive chart (tooltips, legend), drawn by recharts in the browser once the page has hydrated. Loaded
// lazily by ChartFigure, so neither the server nor a page without charts loads recharts.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Locale } from "~/i18n";
import { axisTicks, LEVEL_DOMAIN, colorOf, formatTick, formatValue, formatX, type ChartRow, type ChartSeries, type ChartUnit, type ChartX } from "./chart-data";

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
const LEVEL_AXIS_WIDTH = 104;

type LevelTickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown } };

/** A level's name on the vertical axis, on one line, right-aligned against the axis. */
function LevelTick({ x = 0, y = 0, label }: LevelTickProps & { label: string }) {
  return (
    <text x={Number(x) - 4} y={Number(y)} dy={4} textAnchor="end" fontSize={11} fill={AXIS.fill}>
      {label}
    </text>
  );
}

export default function RechartsChart({ locale, rows, x, series, kind, unit, currency, height, horizontal }: RechartsChartProps) {
  const unitOf = (key: string) => series.find((s) => s.key === key)?.unit ?? unit;
  // A grid's levels are named on the axis ("En émergence"): one line each (recharts would wrap them to the axis's
  // width), and the domain padded below 0 and above 3 so "Not observed" does not sit on the time axis's dates and the
  // points at level 0 are drawn above the axis line, not on it.
  const levels =
    unit === "level"
      ? { domain: LEVEL_DOMAIN, ticks: axisTicks(unit, 3), tick: (p: LevelTickProps) => <LevelTick {...p} label={formatTick(locale, unit, Number(p.payload?.value ?? 0), currency)} /> }
      : {};
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
            <YAxis width={unit === "level" ? LEVEL_AXIS_WIDTH : 48} {...valueAxis} />
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
