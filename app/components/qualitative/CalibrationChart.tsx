// The calibration over time: per compared criterion, the mean distance per month between the agency's and the
// client's judgement (0 to 3), with the same figures as a table behind it for screen readers.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "~/utils/i18n";
import { formatDay } from "~/domain/objectives/format";

const COLORS = ["#4f46e5", "#d97706", "#059669", "#db2777"];

export function CalibrationChart({ series, months }: { series: string[]; months: { month: string; cells: { distance: number | null; meetings: number }[] }[] }) {
  const { t, locale } = useT();
  const num = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 2 });
  const label = (m: string) => formatDay(locale, `${m}-01`, { month: "short", year: "numeric" });
  const data = months.map((m) => ({ month: label(m.month), ...Object.fromEntries(series.map((_, i) => [`s${i}`, m.cells[i]?.distance ?? null])) }));
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-600">{t("qual.calibration.chartCaption")}</figcaption>
      <div aria-hidden="true" className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -16 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fontSize: 11, fill: "#64748b" }} />
            <YAxis domain={[0, 3]} ticks={[0, 1, 2, 3]} tick={{ fontSize: 11, fill: "#64748b" }} />
            <Tooltip formatter={(v) => (typeof v === "number" ? num.format(v) : String(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((name, i) => (
              <Line key={name} type="monotone" dataKey={`s${i}`} name={name} stroke={COLORS[i % COLORS.length]} strokeWidth={2} connectNulls dot={{ r: 3 }} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="sr-only">
      <table>
        <caption>{t("qual.calibration.overTime")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("qual.calibration.month")}</th>
            {series.map((s) => <th key={s} scope="col">{s}</th>)}
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{label(m.month)}</th>
              {m.cells.map((c, i) => <td key={i}>{c.distance === null ? "—" : t("qual.calibration.cell", { distance: num.format(c.distance), n: c.meetings })}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
