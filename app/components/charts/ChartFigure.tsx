// A chart as a <figure>: its caption, the chart, the same data as a table (in a <details> "Show the table", read by
// screen readers, and the way to read exact figures), and a CSV download of that data. Every chart of the portal goes
// through here, so each one gets the reader's number and date formats, the table alternative and the CSV.
//
// Drawing: the server renders a plain SVG (StaticChart: works without JavaScript and in print); once the page has
// hydrated, recharts (loaded lazily) replaces it for tooltips and the legend. Why: docs/decisions/0035-charts.md.
//
// Usage:
//   <ChartFigure id="trend" kind="bar" title={t("...")} x={{ key: "week", label: t("..."), type: "week" }}
//     series={[{ key: "booked", label: t("...") }, { key: "expected", label: t("..."), kind: "line", dashed: true }]}
//     rows={[{ week: "2026-03-02", booked: 12, expected: 10 }, ...]} />
import { Suspense, lazy, useEffect, useState, type ReactNode } from "react";
import { useT } from "~/utils/i18n";
import { makeT, type Locale } from "~/i18n";
import { StaticChart } from "./StaticChart";
import { chartCsv, csvFileName, csvHref, formatValue, formatX, type ChartRow, type ChartSeries, type ChartUnit, type ChartX } from "./chart-data";

export type { ChartRow, ChartSeries, ChartUnit, ChartX } from "./chart-data";

const RechartsChart = lazy(() => import("./RechartsChart"));

export type ChartFigureProps = {
  /** Unique on the page: the figure's id (a link target) and the CSV's default file name. */
  id: string;
  title: string;
  /** One sentence saying what the chart shows (under the title; also the table's caption). */
  description?: ReactNode;
  kind: "line" | "bar";
  x: ChartX;
  series: ChartSeries[];
  rows: ChartRow[];
  /** The values' unit (a series may override it): counts, percentages 0-100, ratings 0-5, money in minor units. */
  unit?: ChartUnit;
  currency?: string;
  /** Bars lying down, categories down the side: for long category names (persona versions, criteria). */
  horizontal?: boolean;
  /** Drawing height in CSS pixels; defaults to 260 (or 44 per category for horizontal bars). */
  height?: number;
  /** The CSV's file name without extension (defaults to the title). */
  fileName?: string;
  /** What to say instead of the chart when there is no row. */
  emptyText?: string;
  className?: string;
  /** The figure's language when it differs from the page's (a report previewed in the other language). */
  locale?: Locale;
};

/** True once React has hydrated in the browser (false on the server and during hydration, so both render alike). */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function ChartFigure(props: ChartFigureProps) {
  const { id, title, description, kind, x, series, rows, unit = "count", currency = "EUR", horizontal = false, className } = props;
  const page = useT();
  const locale = props.locale ?? page.locale;
  const t = props.locale ? makeT(props.locale) : page.t;
  const hydrated = useHydrated();
  const height = props.height ?? (horizontal ? Math.max(120, 44 * rows.length + 40) : 260);
  const csv = chartCsv(locale, x, series, rows, unit);
  const drawing = { locale, rows, x, series: series.filter((s) => !s.tableOnly), kind, unit, currency, height, horizontal };
  const titleId = `${id}-title`;
  return (
    <figure id={id} aria-labelledby={titleId} className={`chart-figure min-w-0 rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid ${className ?? ""}`}>
      <figcaption className="mb-3">
        <span id={titleId} className="block font-semibold text-slate-900">{title}</span>
        {description ? <span className="mt-0.5 block text-sm text-slate-600">{description}</span> : null}
      </figcaption>
      {rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500">{props.emptyText ?? t("common.chart.empty")}</p>
      ) : (
        <div aria-hidden="true" className="w-full" style={{ minHeight: Math.min(height, 160) }}>
          {hydrated ? (
            <Suspense fallback={<StaticChart {...drawing} />}>
              <RechartsChart {...drawing} />
            </Suspense>
          ) : (
            <StaticChart {...drawing} />
          )}
        </div>
      )}
      {rows.length > 0 ? (
        <div className="mt-3 flex flex-wrap items-start justify-between gap-x-4 gap-y-2 text-sm">
          <details className="chart-table min-w-0 max-w-full flex-1">
            <summary className="cursor-pointer text-brand-700 underline-offset-2 hover:underline">{t("common.chart.showTable")}</summary>
            <div className="relative mt-2 overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-slate-600">
                    <th scope="col" className="py-1 pr-4 font-medium">{x.label}</th>
                    {series.map((s) => (
                      <th key={s.key} scope="col" className="py-1 pr-4 text-right font-medium">{s.label}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <tr key={i} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-4 font-normal text-slate-900">{formatX(locale, x, row[x.key], { long: true })}</th>
                      {series.map((s) => (
                        <td key={s.key} className="py-1 pr-4 text-right tabular-nums">{formatValue(locale, s.unit ?? unit, row[s.key] ?? null, currency)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <a href={csvHref(csv)} download={csvFileName(props.fileName ?? title)} className="shrink-0 text-brand-700 underline underline-offset-2 print:hidden">
            {t("common.chart.downloadCsv")}
          </a>
        </div>
      ) : null}
    </figure>
  );
}
