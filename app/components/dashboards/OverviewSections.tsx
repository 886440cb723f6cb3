// The campaign Overview's sections: the period switch, the KPI tiles, the charts, the per-SDR table and the
// objectives. They take the loader's data (campaignOverview) as props; the route only arranges them.
import { Form, Link, useSubmit } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { keyFor, type MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";
import { formatMetric, formatPeriod } from "~/domain/objectives/format";
import { DASHBOARD_PERIODS, type PeriodError } from "~/domain/dashboards/periods";
import { ChartFigure } from "~/components/charts/ChartFigure";
import { Funnel } from "~/components/objectives/Funnel";
import { PaceBadge } from "~/components/objectives/PaceBadge";
import type { CampaignOverview } from "~/models/dashboards/overview.server";

export const SDR_SORTS = ["name", "activity", "booked", "held", "acceptanceRate", "averageRating", "pace"] as const;
export type SdrSort = (typeof SDR_SORTS)[number];

/**
 * The period's GET form (works without JavaScript; with it, choosing a preset applies it at once). `children`: more
 * fields of the same form (the portfolio's filters), kept when the period changes.
 */
export function PeriodSwitch({ kind, from, to, error, kinds = DASHBOARD_PERIODS, children }: { kind: string; from: string; to: string; error?: PeriodError | null; kinds?: readonly string[]; children?: ReactNode }) {
  const { t } = useT();
  const submit = useSubmit();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("dashboards.period.legend")}>
      <div>
        <label htmlFor={`${id}-kind`} className="block text-sm font-medium text-slate-700">{t("dashboards.period.legend")}</label>
        <select
          id={`${id}-kind`}
          name="period"
          defaultValue={kind}
          className="input"
          onChange={(e) => {
            if (e.currentTarget.value !== "custom") submit(e.currentTarget.form, { replace: true, preventScrollReset: true });
          }}
        >
          {DASHBOARD_PERIODS.filter((k) => kinds.includes(k)).map((k) => (
            <option key={k} value={k}>{t(`dashboards.period.${k}`)}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-from`} className="block text-sm font-medium text-slate-700">{t("dashboards.period.from")}</label>
        <input id={`${id}-from`} type="date" name="from" defaultValue={from} className="input" aria-invalid={error === "from" || error === "order" || error === "tooLong" || undefined} aria-describedby={error ? errorId : undefined} />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className="block text-sm font-medium text-slate-700">{t("dashboards.period.to")}</label>
        <input id={`${id}-to`} type="date" name="to" defaultValue={to} className="input" aria-invalid={error === "to" || error === "order" || undefined} aria-describedby={error ? errorId : undefined} />
      </div>
      {children}
      <button className="btn-secondary">{t("dashboards.period.show")}</button>
      {error ? <p id={errorId} role="alert" className="w-full text-sm text-red-700">{t(`dashboards.period.errors.${error}`)}</p> : null}
    </Form>
  );
}

export function KpiTiles({ data }: { data: CampaignOverview }) {
  const { t, locale } = useT();
  return (
    <section aria-labelledby="kpis-title" className="space-y-3">
      <h2 id="kpis-title" className="h2">{t("dashboards.kpis.title")}</h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {data.tiles.map((tile) => {
          const value = formatMetric(locale, tile.unit, tile.value, data.currency);
          const change = tile.change;
          let changeText: string | null = null;
          let tone = "text-slate-600";
          if (change) {
            const amount =
              tile.unit === "percent"
                ? t("dashboards.kpis.points", { n: new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 }).format(Math.abs(change.delta)) })
                : change.ratio !== null
                  ? formatMetric(locale, "percent", Math.abs(change.ratio * 100))
                  : formatMetric(locale, tile.unit, Math.abs(change.delta), data.currency);
            if (Math.abs(change.delta) < 1e-9) changeText = t("dashboards.kpis.same");
            else {
              changeText = t(change.delta > 0 ? "dashboards.kpis.up" : "dashboards.kpis.down", { change: amount });
              tone = change.delta > 0 ? "text-green-700" : "text-red-700";
            }
          }
          return (
            <li key={tile.key} className="rounded-lg border border-slate-200 bg-white p-3">
              <p className="text-xs text-slate-600">{t(keyFor("objectives.metricName", tile.key, "common.unknown"))}</p>
              <p className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{value}</p>
              {changeText ? (
                <p className={`mt-0.5 text-xs ${tone}`}>
                  <span aria-hidden>{change && change.delta > 0 ? "▲ " : change && change.delta < 0 ? "▼ " : ""}</span>
                  {changeText}
                </p>
              ) : null}
              <p className="text-xs text-slate-500">{t("dashboards.kpis.previous", { value: formatMetric(locale, tile.unit, tile.previous, data.currency) })}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function OverviewCharts({ data }: { data: CampaignOverview }) {
  const { t } = useT();
  const trendSeries = [
    { key: "booked", label: t("dashboards.trend.booked") },
    { key: "held", label: t("dashboards.trend.held") },
    { key: "accepted", label: t("dashboards.trend.accepted") },
    ...(data.trend.expected
      ? [{ key: "expected", label: t("dashboards.trend.expected", { metric: t(keyFor("objectives.metricName", data.trend.expected.metric, "common.unknown")) }), kind: "line" as const, dashed: true }]
      : []),
  ];
  const ratedRows = data.ratings.filter((r) => r.count > 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartFigure
        id="chart-trend"
        className="lg:col-span-2"
        kind="bar"
        title={t("dashboards.trend.title")}
        description={t("dashboards.trend.description")}
        x={{ key: "week", label: t("dashboards.trend.week"), type: "week" }}
        series={trendSeries}
        rows={data.trend.rows}
      />
      <ChartFigure
        id="chart-ratings"
        kind="bar"
        horizontal
        title={t("dashboards.ratings.title")}
        description={t("dashboards.ratings.description")}
        x={{ key: "criterion", label: t("dashboards.ratings.criterion") }}
        series={[
          ...[1, 2, 3, 4, 5].map((n) => ({ key: `s${n}`, label: t("dashboards.ratings.score", { n }), stack: "scores", color: ["#be123c", "#f97316", "#94a3b8", "#14b8a6", "#0f766e"][n - 1] })),
          { key: "average", label: t("dashboards.ratings.average"), unit: "rating" as const, tableOnly: true },
        ]}
        rows={ratedRows.map((r) => ({
          criterion: t(keyFor("dashboards.ratings", r.criterion, "common.unknown")),
          ...Object.fromEntries(r.scores.map((n, i) => [`s${i + 1}`, n])),
          average: r.average,
        }))}
      />
      <ChartFigure
        id="chart-disputes"
        kind="bar"
        horizontal
        title={t("dashboards.disputes.title")}
        description={t("dashboards.disputes.description")}
        emptyText={t("dashboards.disputes.none")}
        x={{ key: "criterion", label: t("dashboards.disputes.criterion") }}
        series={[
          { key: "upheld", label: t("dashboards.disputes.upheld"), stack: "d", color: "#be123c" },
          { key: "rejected", label: t("dashboards.disputes.rejected"), stack: "d", color: "#0f766e" },
          { key: "open", label: t("dashboards.disputes.open"), stack: "d", color: "#94a3b8" },
        ]}
        rows={data.disputes.map((d) => ({ criterion: d.label, upheld: d.upheld, rejected: d.rejected, open: d.open }))}
      />
      <ChartFigure
        id="chart-personas"
        className="lg:col-span-2"
        kind="bar"
        horizontal
        unit="percent"
        title={t("dashboards.personas.title")}
        description={t("dashboards.personas.description")}
        x={{ key: "version", label: t("dashboards.personas.version") }}
        series={[
          { key: "acceptanceRate", label: t("dashboards.personas.acceptanceRate") },
          { key: "booked", label: t("dashboards.personas.booked"), unit: "count", tableOnly: true },
          { key: "averageRating", label: t("dashboards.personas.averageRating"), unit: "rating", tableOnly: true },
          { key: "opportunities", label: t("dashboards.personas.opportunities"), unit: "count", tableOnly: true },
        ]}
        rows={data.byPersona.map((p) => ({ version: p.label, acceptanceRate: p.acceptanceRate, booked: p.booked, averageRating: p.averageRating, opportunities: p.opportunities }))}
      />
    </div>
  );
}

export function OverviewFunnel({ data }: { data: CampaignOverview }) {
  const { t } = useT();
  return (
    <section aria-labelledby="funnel-title" className="space-y-3">
      <h2 id="funnel-title" className="h2">{t("objectives.funnel.title")}</h2>
      <Funnel stages={data.funnel} />
    </section>
  );
}

const COLUMNS: { key: SdrSort; label: MessageKey; numeric: boolean }[] = [
  { key: "name", label: "dashboards.sdrs.name", numeric: false },
  { key: "activity", label: "dashboards.sdrs.activity", numeric: true },
  { key: "booked", label: "dashboards.sdrs.booked", numeric: true },
  { key: "held", label: "dashboards.sdrs.held", numeric: true },
  { key: "acceptanceRate", label: "dashboards.sdrs.acceptanceRate", numeric: true },
  { key: "averageRating", label: "dashboards.sdrs.averageRating", numeric: true },
  { key: "pace", label: "dashboards.sdrs.pace", numeric: false },
];

/** The per-SDR table, sorted on the server (links: works without JavaScript), agency side only. */
export function SdrTable({ rows, sort, dir, sortHref }: { rows: NonNullable<CampaignOverview["perSdr"]>; sort: SdrSort; dir: "asc" | "desc"; sortHref: (key: SdrSort, dir: "asc" | "desc") => string }) {
  const { t, locale } = useT();
  return (
    <section aria-labelledby="sdrs-title" className="card space-y-3">
      <h2 id="sdrs-title" className="h2">{t("dashboards.sdrs.title")}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("dashboards.sdrs.none")}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("dashboards.sdrs.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                {COLUMNS.map((c) => {
                  const active = c.key === sort;
                  const next = active && dir === "desc" ? "asc" : active ? "desc" : c.numeric ? "desc" : "asc";
                  return (
                    <th key={c.key} scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined} className={`py-2 pr-4 font-medium ${c.numeric ? "text-right" : ""}`}>
                      <Link to={sortHref(c.key, next)} preventScrollReset replace className="link whitespace-nowrap" title={c.key === "activity" ? t("dashboards.sdrs.activityHelp") : undefined}>
                        {t(c.label)}
                        <span className="sr-only"> — {t("dashboards.sdrs.sortBy", { column: t(c.label) })}</span>
                        {active ? <span aria-hidden> {dir === "asc" ? "↑" : "↓"}</span> : null}
                      </Link>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-4 text-left font-normal text-slate-900">{r.name}</th>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMetric(locale, "count", r.activity)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMetric(locale, "count", r.booked)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMetric(locale, "count", r.held)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMetric(locale, "percent", r.acceptanceRate)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMetric(locale, "rating", r.averageRating)}</td>
                  <td className="py-2 pr-4">{r.pace ? <PaceBadge status={r.pace} /> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Dispute and return rates over the period: the campaign's (agency and client), then, agency side, each SDR's as a
 * chart with its table (an SDR sees their own row only). From the rollup's counts, never meeting rows.
 */
export function DisputeRatesSection({ data }: { data: CampaignOverview }) {
  const { t, locale } = useT();
  const r = data.rates;
  const pct = (v: number | null) => formatMetric(locale, "percent", v);
  return (
    <section aria-labelledby="rates-title" className="card space-y-3">
      <h2 id="rates-title" className="h2">{t("meetings.rates.title")}</h2>
      <p className="text-sm text-slate-600">{t("meetings.rates.help")}</p>
      <div className="overflow-x-auto">
        <table className="table" aria-labelledby="rates-title">
          <thead>
            <tr>
              <th scope="col"><span className="sr-only">{t("meetings.rates.title")}</span></th>
              <th scope="col" className="text-right">{t("meetings.rates.held")}</th>
              <th scope="col" className="text-right">{t("meetings.rates.disputed")}</th>
              <th scope="col" className="text-right">{t("meetings.rates.upheld")}</th>
              <th scope="col" className="text-right">{t("meetings.rates.disputeRate")}</th>
              <th scope="col" className="text-right">{t("meetings.rates.returnRate")}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="font-medium">{t("meetings.rates.campaign")}</th>
              <td className="text-right tabular-nums">{r.held}</td>
              <td className="text-right tabular-nums">{r.disputed}</td>
              <td className="text-right tabular-nums">{r.upheld}</td>
              <td className="text-right tabular-nums">{pct(r.disputeRate)}</td>
              <td className="text-right tabular-nums">{pct(r.returnRate)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {data.perSdr ? (
        <ChartFigure
          id="chart-rates-sdr"
          kind="bar"
          horizontal
          unit="percent"
          title={t("meetings.rates.bySdr")}
          description={t("meetings.rates.bySdrDescription")}
          emptyText={t("meetings.rates.noneHeld")}
          x={{ key: "sdr", label: t("meetings.rates.sdr") }}
          series={[
            { key: "disputeRate", label: t("meetings.rates.disputeRate"), color: "#f97316" },
            { key: "returnRate", label: t("meetings.rates.returnRate"), color: "#be123c" },
            { key: "held", label: t("meetings.rates.held"), unit: "count", tableOnly: true },
            { key: "disputed", label: t("meetings.rates.disputed"), unit: "count", tableOnly: true },
            { key: "upheld", label: t("meetings.rates.upheld"), unit: "count", tableOnly: true },
          ]}
          rows={data.perSdr
            .filter((s) => s.rates.held > 0 || s.rates.disputed > 0)
            .map((s) => ({ sdr: s.name, disputeRate: s.rates.disputeRate, returnRate: s.rates.returnRate, held: s.rates.held, disputed: s.rates.disputed, upheld: s.rates.upheld }))}
        />
      ) : null}
    </section>
  );
}

export function OverviewObjectives({ data }: { data: CampaignOverview }) {
  const { t, locale } = useT();
  return (
    <section aria-labelledby="objectives-title" className="card space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="objectives-title" className="h2">{t("dashboards.objectives.title")}</h2>
        <Link to="objectives" className="link text-sm">{t("dashboards.objectives.all")}</Link>
      </div>
      {data.objectives.length === 0 ? (
        <p className="text-sm text-slate-500">{t("dashboards.objectives.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {data.objectives.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div className="min-w-0">
                <Link to={`objectives/${o.id}`} className="link font-medium">{t(keyFor("objectives.metricName", o.metric, "common.unknown"))}</Link>
                {o.sdrName ? <span className="text-slate-600"> · {o.sdrName}</span> : null}
                <p className="text-xs text-slate-600">
                  {formatPeriod(locale, o.period)} —{" "}
                  {t("dashboards.objectives.line", {
                    actual: formatMetric(locale, o.unit, o.actual, o.currency),
                    expected: formatMetric(locale, o.unit, o.expected, o.currency),
                    target: formatMetric(locale, o.unit, o.target, o.currency),
                  })}
                </p>
              </div>
              <PaceBadge status={o.status} final={o.final} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PeriodSummary({ data }: { data: CampaignOverview }) {
  return <PeriodSummaryText current={data.period.current} previous={data.period.previous} days={data.period.days} />;
}

export function PeriodSummaryText({ current, previous, days }: { current: { start: string; end: string }; previous: { start: string; end: string } | null; days: number }) {
  const { t, locale } = useT();
  return (
    <p className="text-sm text-slate-600">
      <span className="font-medium text-slate-900">{t("dashboards.period.range", { range: formatPeriod(locale, current), days })}</span>
      {previous ? <>{" · "}{t("dashboards.period.compared", { range: formatPeriod(locale, previous) })}</> : null}
    </p>
  );
}
