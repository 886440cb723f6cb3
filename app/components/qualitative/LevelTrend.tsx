// The level per criterion over time (recharts, drawn once the page is hydrated) with the same figures in a table
// for screen readers; and the supported metric's weekly trend beside it.
import { useEffect, useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, Bar, BarChart } from "recharts";
import { useT } from "~/utils/i18n";
import { LEVELS } from "~/domain/qualitative/grid";
import { overallLevel } from "~/domain/qualitative/trend";
import { formatDay, formatMetric } from "~/domain/objectives/format";

const COLORS = ["#4f46e5", "#0891b2", "#d97706", "#16a34a", "#db2777", "#7c3aed", "#64748b"];

type Point = { day: string; scores: Record<string, number>; contributors: number };

function useMounted() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

/** One subject's chart: a line per criterion, levels 0 (not observed) to 3 (exemplary) on the vertical axis. */
export function LevelTrend({ subject, points, labels }: { subject: string; points: Point[]; labels: Record<string, string> }) {
  const { t, locale } = useT();
  const mounted = useMounted();
  const keys = Object.keys(labels).filter((k) => points.some((p) => k in p.scores));
  const levelName = (v: number) => t(`objectives.qual.level.${LEVELS[Math.min(3, Math.max(0, Math.round(v)))]!}`);
  const last = points.at(-1);
  const summary = last
    ? t("objectives.qual.chart.summary", { subject, count: points.length, date: formatDay(locale, last.day), level: levelName(overallLevel(last)?.score ?? 0) })
    : t("objectives.qual.chart.empty", { subject });
  const data = points.map((p) => ({ day: formatDay(locale, p.day, { day: "numeric", month: "short" }), ...p.scores }));
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-600">{summary}</figcaption>
      {points.length ? (
        <div className="h-64 w-full" aria-hidden="true">
          {mounted ? (
            <ResponsiveContainer width="100%" height="100%">
              <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
                <XAxis dataKey="day" tick={{ fontSize: 12 }} />
                <YAxis domain={[0, 3]} ticks={[0, 1, 2, 3]} tickFormatter={levelName} width={96} tick={{ fontSize: 11 }} />
                <Tooltip formatter={(v) => (typeof v === "number" ? `${levelName(v)} (${v})` : String(v))} />
                {keys.map((k, i) => (
                  <Line key={k} type="monotone" dataKey={k} name={labels[k]} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          ) : null}
        </div>
      ) : null}
      {keys.length ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
          {keys.map((k, i) => (
            <li key={k} className="flex items-center gap-1">
              <span className="inline-block h-2 w-4 rounded" style={{ background: COLORS[i % COLORS.length] }} />
              {labels[k]}
            </li>
          ))}
        </ul>
      ) : null}
      {points.length ? (
        // A table ignores the 1px width of sr-only: the wrapper hides it.
        <div className="relative h-0 overflow-hidden"><div className="sr-only">
        <table>
          <caption>{t("objectives.qual.chart.table", { subject })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("objectives.qual.chart.date")}</th>
              {keys.map((k) => <th key={k} scope="col">{labels[k]}</th>)}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.day}>
                <th scope="row">{formatDay(locale, p.day)}</th>
                {keys.map((k) => <td key={k}>{k in p.scores ? `${levelName(p.scores[k]!)} (${p.scores[k]})` : "—"}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
        </div></div>
      ) : null}
    </figure>
  );
}

/** The supported metric, week by week (bars), with its table. */
export function MetricTrend({ label, unit, points }: { label: string; unit: string; points: { day: string; value: number | null }[] }) {
  const { t, locale } = useT();
  const mounted = useMounted();
  const fmt = (v: number | null) => formatMetric(locale, unit, v);
  const data = points.map((p) => ({ day: formatDay(locale, p.day, { day: "numeric", month: "short" }), value: p.value ?? 0 }));
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-600">{t("objectives.qual.chart.metricSummary", { metric: label, value: fmt(points.at(-1)?.value ?? null) })}</figcaption>
      <div className="h-48 w-full" aria-hidden="true">
        {mounted ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
              <YAxis tick={{ fontSize: 11 }} width={40} />
              <Tooltip formatter={(v) => (typeof v === "number" ? fmt(v) : String(v))} />
              <Bar dataKey="value" name={label} fill="#94a3b8" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        ) : null}
      </div>
      <div className="relative h-0 overflow-hidden"><div className="sr-only">
      <table>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t("objectives.qual.chart.week")}</th>
            <th scope="col">{label}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.day}>
              <th scope="row">{formatDay(locale, p.day)}</th>
              <td>{fmt(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div></div>
    </figure>
  );
}
