import { keyFor } from "~/i18n";
// The objective's small chart: actual against the expected line over the current period, with the gap analyses'
// levers as markers on the day they were recorded (so the effect of an action can be read afterwards).
import { useT } from "~/utils/i18n";
import { formatDay, formatMetric } from "~/domain/objectives/format";

type Point = { day: string; expected: number; actual: number | null };
type Marker = { day: string; lever: string };

export function ObjectiveChart({ points, markers, unit, currency }: { points: Point[]; markers: Marker[]; unit: string; currency: string }) {
  const { t, locale } = useT();
  if (points.length === 0) return null;
  const W = 640;
  const H = 220;
  const pad = { l: 56, r: 12, t: 12, b: 28 };
  const max = Math.max(1, ...points.map((p) => Math.max(p.expected, p.actual ?? 0))) * 1.1;
  const x = (i: number) => pad.l + (points.length === 1 ? 0 : (i / (points.length - 1)) * (W - pad.l - pad.r));
  const y = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const expected = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.expected).toFixed(1)}`).join(" ");
  const shown = points.map((p, i) => ({ ...p, i })).filter((p) => p.actual !== null);
  const actual = shown.map((p, j) => `${j ? "L" : "M"}${x(p.i).toFixed(1)},${y(p.actual!).toFixed(1)}`).join(" ");
  const index = new Map(points.map((p, i) => [p.day, i]));
  const last = shown.at(-1);
  const summary = t("objectives.chart.summary", {
    actual: formatMetric(locale, unit, last?.actual ?? null, currency),
    expected: formatMetric(locale, unit, last ? points[last.i].expected : null, currency),
  });
  return (
    <figure className="w-full">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={summary}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={pad.l} x2={W - pad.r} y1={y(max * f / 1.1)} y2={y(max * f / 1.1)} stroke="#e2e8f0" />
            <text x={pad.l - 6} y={y(max * f / 1.1) + 4} textAnchor="end" fontSize="11" fill="#64748b">{formatMetric(locale, unit, (max * f) / 1.1, currency)}</text>
          </g>
        ))}
        <path d={expected} fill="none" stroke="#94a3b8" strokeWidth="2" strokeDasharray="6 4" />
        {actual ? <path d={actual} fill="none" stroke="#4f46e5" strokeWidth="2.5" /> : null}
        {markers.map((m, k) => {
          const i = index.get(m.day);
          if (i === undefined) return null;
          return (
            <g key={k}>
              <line x1={x(i)} x2={x(i)} y1={pad.t} y2={H - pad.b} stroke="#f59e0b" strokeWidth="1.5" />
              <circle cx={x(i)} cy={pad.t + 6} r="5" fill="#f59e0b">
                <title>{t(keyFor("objectives.lever", m.lever, "common.unknown"))}</title>
              </circle>
            </g>
          );
        })}
        <text x={pad.l} y={H - 8} fontSize="11" fill="#64748b">{formatDay(locale, points[0].day, { day: "numeric", month: "short" })}</text>
        <text x={W - pad.r} y={H - 8} fontSize="11" fill="#64748b" textAnchor="end">{formatDay(locale, points[points.length - 1].day, { day: "numeric", month: "short" })}</text>
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
        <span><span aria-hidden className="mr-1 inline-block h-0.5 w-4 bg-brand-600 align-middle" />{t("objectives.chart.actual")}</span>
        <span><span aria-hidden className="mr-1 inline-block h-0.5 w-4 border-t-2 border-dashed border-slate-400 align-middle" />{t("objectives.chart.expected")}</span>
        {markers.length ? <span><span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-full bg-amber-500 align-middle" />{t("objectives.chart.lever")}</span> : null}
      </figcaption>
    </figure>
  );
}
