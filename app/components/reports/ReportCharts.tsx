// The report's two charts (weekly trend, rating distribution), drawn with recharts from the frozen snapshot, each
// with its figures in a table for screen readers. The PDF draws the same data (app/services/report-pdf.server.tsx).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TFunction } from "~/i18n";
import type { ReportSnapshot } from "~/domain/reports/snapshot";

const dim = { width: 640, height: 220 };

function ChartTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>{r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}</tr>
        ))}
      </tbody>
    </table>
  );
}

export function TrendChart({ trend, t, dayLabel }: { trend: ReportSnapshot["trend"]; t: TFunction; dayLabel: (d: string) => string }) {
  const data = trend.map((w) => ({ week: dayLabel(w.start), booked: w.booked, held: w.held, accepted: w.accepted }));
  return (
    <figure>
      <div aria-hidden className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%" initialDimension={dim}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="week" tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="booked" name={t("reports.view.booked")} fill="#93a9f0" isAnimationActive={false} />
            <Bar dataKey="held" name={t("reports.view.held")} fill="#4f75ea" isAnimationActive={false} />
            <Bar dataKey="accepted" name={t("reports.view.accepted")} fill="#182b66" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartTable
        caption={t("reports.view.chartTable")}
        head={["", t("reports.view.booked"), t("reports.view.held"), t("reports.view.accepted")]}
        rows={trend.map((w) => [t("reports.view.week", { date: dayLabel(w.start) }), w.booked, w.held, w.accepted])}
      />
    </figure>
  );
}

export function RatingsChart({ ratings, t }: { ratings: ReportSnapshot["ratings"]; t: TFunction }) {
  const data = ratings.map((r) => ({ rating: `${r.rating}★`, count: r.count }));
  return (
    <figure>
      <div aria-hidden className="h-48 w-full">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 190 }}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="rating" tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Bar dataKey="count" name={t("reports.view.count")} fill="#2a55e0" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartTable
        caption={t("reports.view.chartTable")}
        head={["", t("reports.view.count")]}
        rows={ratings.map((r) => [t("reports.view.rating", { stars: r.rating }), r.count])}
      />
    </figure>
  );
}
