// The chart as plain SVG, rendered on the server: what a reader sees before the page's JavaScript runs (or without
// it), and what a crawler or a "save as PDF" gets. recharts 3 renders nothing on the server (its layout is computed
// in effects; recharts issue #5997), so this draws the same bars and lines with the same colours and scale; the
// browser then swaps in recharts for tooltips and the legend (see ChartFigure and docs/decisions/0035-charts.md).
import type { Locale } from "~/i18n";
import { axisTicks, LEVEL_DOMAIN, colorOf, formatTick, formatX, maxOf, type ChartRow, type ChartSeries, type ChartUnit, type ChartX } from "./chart-data";

type Props = {
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

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function StaticChart(props: Props) {
  return (
    <>
      <StaticSvg {...props} />
      <ul className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700">
        {props.series.map((s, i) => (
          <li key={s.key} className="inline-flex items-center gap-1.5">
            <svg width="14" height="8" aria-hidden="true">
              {(s.kind ?? props.kind) === "line" ? (
                <line x1="0" x2="14" y1="4" y2="4" stroke={colorOf(s, i)} strokeWidth="2" strokeDasharray={s.dashed ? "4 2" : undefined} />
              ) : (
                <rect width="14" height="8" fill={colorOf(s, i)} />
              )}
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </>
  );
}

function StaticSvg({ locale, rows, x, series, kind, unit, currency, height, horizontal }: Props) {
  const W = 640;
  const H = height;
  const ticks = axisTicks(unit, maxOf(rows, series));
  const top = ticks[ticks.length - 1] || 1;
  if (horizontal) {
    // Categories down the side (long names: persona versions, criteria), bars to the right.
    const pad = { l: 8, r: 16, t: 8, b: 24 };
    const band = (H - pad.t - pad.b) / Math.max(1, rows.length);
    const sx = (v: number) => pad.l + (v / top) * (W - pad.l - pad.r);
    const bars = series.filter((s) => (s.kind ?? kind) === "bar");
    const groups = groupBars(bars);
    return (
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" aria-hidden="true" focusable="false">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={sx(v)} x2={sx(v)} y1={pad.t} y2={H - pad.b} stroke="#e2e8f0" />
            <text x={sx(v)} y={H - 8} fontSize="11" fill="#475569" textAnchor="middle">{formatTick(locale, unit, v, currency)}</text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y0 = pad.t + i * band;
          const barH = Math.max(4, (band - 18) / groups.length);
          return (
            <g key={i}>
              <text x={pad.l} y={y0 + 12} fontSize="11" fill="#0f172a">{formatX(locale, x, row[x.key])}</text>
              {groups.map((g, gi) => {
                let acc = 0;
                return g.map((s) => {
                  const v = num(row[s.key]) ?? 0;
                  const rect = <rect key={s.key} x={sx(acc)} y={y0 + 16 + gi * barH} width={Math.max(0, sx(acc + v) - sx(acc))} height={barH - 2} fill={colorOf(s, series.indexOf(s))} />;
                  acc += v;
                  return rect;
                });
              })}
            </g>
          );
        })}
      </svg>
    );
  }
  // Levels are named on the axis ("Not observed"): they need a wider margin than numbers.
  // Level 0 is drawn above the time axis (LEVEL_DOMAIN), not on it among the dates.
  const pad = { l: unit === "level" ? 104 : 48, r: 12, t: 12, b: 28 };
  const band = (W - pad.l - pad.r) / Math.max(1, rows.length);
  const [lo, hi] = unit === "level" ? LEVEL_DOMAIN : [0, top];
  const sy = (v: number) => H - pad.b - ((v - lo) / (hi - lo)) * (H - pad.t - pad.b);
  const cx = (i: number) => pad.l + band * (i + 0.5);
  const bars = series.filter((s) => (s.kind ?? kind) === "bar");
  const lines = series.filter((s) => (s.kind ?? kind) === "line");
  const groups = groupBars(bars);
  const barW = groups.length ? Math.min(36, (band * 0.8) / groups.length) : 0;
  const every = Math.max(1, Math.ceil(rows.length / 8));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" aria-hidden="true" focusable="false">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={pad.l} x2={W - pad.r} y1={sy(v)} y2={sy(v)} stroke="#e2e8f0" />
          <text x={pad.l - 6} y={sy(v) + 4} fontSize="11" fill="#475569" textAnchor="end">{formatTick(locale, unit, v, currency)}</text>
        </g>
      ))}
      {rows.map((row, i) => (
        <g key={i}>
          {groups.map((g, gi) => {
            let acc = 0;
            const left = cx(i) - (barW * groups.length) / 2 + gi * barW;
            return g.map((s) => {
              const v = num(row[s.key]) ?? 0;
              const rect = <rect key={s.key} x={left + 1} y={sy(acc + v)} width={Math.max(1, barW - 2)} height={Math.max(0, sy(acc) - sy(acc + v))} fill={colorOf(s, series.indexOf(s))} />;
              acc += v;
              return rect;
            });
          })}
          {i % every === 0 ? (
            <text x={cx(i)} y={H - 8} fontSize="11" fill="#475569" textAnchor="middle">{formatX(locale, x, row[x.key])}</text>
          ) : null}
        </g>
      ))}
      {lines.map((s) => {
        const points = rows.map((row, i) => ({ i, v: num(row[s.key]) })).filter((p): p is { i: number; v: number } => p.v !== null);
        const d = points.map((p, j) => `${j ? "L" : "M"}${cx(p.i).toFixed(1)},${sy(p.v).toFixed(1)}`).join(" ");
        const color = colorOf(s, series.indexOf(s));
        return (
          <g key={s.key}>
            <path d={d} fill="none" stroke={color} strokeWidth={2} strokeDasharray={s.dashed ? "6 4" : undefined} />
            {s.dashed ? null : points.map((p) => <circle key={p.i} cx={cx(p.i)} cy={sy(p.v)} r={3} fill={color} />)}
          </g>
        );
      })}
    </svg>
  );
}

/** Bars side by side, except those sharing a stack id, which pile up in one column. */
function groupBars(bars: ChartSeries[]): ChartSeries[][] {
  const groups: ChartSeries[][] = [];
  const byStack = new Map<string, ChartSeries[]>();
  for (const s of bars) {
    if (!s.stack) groups.push([s]);
    else if (byStack.has(s.stack)) byStack.get(s.stack)!.push(s);
    else {
      const g = [s];
      byStack.set(s.stack, g);
      groups.push(g);
    }
  }
  return groups;
}
