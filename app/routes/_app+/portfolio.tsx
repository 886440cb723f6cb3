import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { z } from "zod";
import { requireActor } from "~/utils/auth.server";
import { portfolio } from "~/models/dashboards/portfolio.server";
import { PORTFOLIO_SORTS, PORTFOLIO_STATUSES, type PortfolioSort } from "~/domain/dashboards/portfolio";
import { PeriodSummaryText, PeriodSwitch } from "~/components/dashboards/OverviewSections";
import { CampaignStatusBadge } from "~/components/StatusBadge";
import { isClientRole } from "~/domain/shared/permissions";
import { formatMetric } from "~/domain/objectives/format";
import { keyFor, type MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Rendezvous" }];

const querySchema = z.object({
  period: z.string().max(20).nullish(),
  from: z.string().max(20).nullish(),
  to: z.string().max(20).nullish(),
  q: z.string().max(100).nullish().catch(null),
  status: z.enum(PORTFOLIO_STATUSES).nullish().catch(null),
  client: z.string().max(40).nullish().catch(null),
  sort: z.enum(PORTFOLIO_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** Every campaign the actor may see, with the period's figures (agency: all or an AM's own; client: their company's). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const q = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const data = await portfolio(actor, { kind: q.period, from: q.from, to: q.to, q: q.q, status: q.status, clientId: q.client, sort: q.sort, dir: q.dir, page: q.page });
  return json({
    data,
    client: isClientRole(actor.role),
    query: { period: q.period ?? "month", from: q.from ?? "", to: q.to ?? "", q: q.q ?? "", status: q.status ?? "", client: q.client ?? "", sort: q.sort, dir: q.dir, page: q.page },
  });
}

const COLUMNS: { key: PortfolioSort; label: MessageKey; numeric: boolean }[] = [
  { key: "name", label: "dashboards.portfolio.name", numeric: false },
  { key: "booked", label: "dashboards.portfolio.booked", numeric: true },
  { key: "held", label: "dashboards.portfolio.held", numeric: true },
  { key: "accepted", label: "dashboards.portfolio.accepted", numeric: true },
  { key: "acceptanceRate", label: "dashboards.portfolio.acceptanceRate", numeric: true },
  { key: "averageRating", label: "dashboards.portfolio.averageRating", numeric: true },
  { key: "atRisk", label: "dashboards.portfolio.atRisk", numeric: true },
  { key: "openDisputes", label: "dashboards.portfolio.openDisputes", numeric: true },
];

export default function Portfolio() {
  const { data, client, query } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const id = useId();
  const href = (over: Partial<typeof query>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...over })) if (v !== "" && v !== null && v !== undefined && !(k === "page" && v === 1)) p.set(k, String(v));
    return `?${p.toString()}`;
  };
  const shownFrom = data.ok ? data.period.current.start : query.from;
  const shownTo = data.ok ? data.period.current.end : query.to;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="h1">{t("dashboards.portfolio.title")}</h1>
        <p className="mt-1 text-slate-600">{t("dashboards.portfolio.intro")}</p>
      </div>
      <section className="card space-y-3" aria-label={t("dashboards.portfolio.filter")}>
        <PeriodSwitch
          kind={data.ok ? data.period.kind : "custom"}
          from={query.period === "custom" ? query.from : shownFrom}
          to={query.period === "custom" ? query.to : shownTo}
          error={data.ok ? null : data.error}
          kinds={["week", "month", "lastMonth", "quarter", "custom"]}
        >
          <div>
            <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-700">{t("dashboards.portfolio.search")}</label>
            <input id={`${id}-q`} name="q" type="search" defaultValue={query.q} maxLength={100} className="input" />
          </div>
          <div>
            <label htmlFor={`${id}-status`} className="block text-sm font-medium text-slate-700">{t("dashboards.portfolio.status")}</label>
            <select id={`${id}-status`} name="status" defaultValue={query.status} className="input">
              <option value="">{t("dashboards.portfolio.anyStatus")}</option>
              {PORTFOLIO_STATUSES.map((s) => (
                <option key={s} value={s}>{t(keyFor("common.status", s, "common.unknown"))}</option>
              ))}
            </select>
          </div>
          {client ? null : (
            <div>
              <label htmlFor={`${id}-client`} className="block text-sm font-medium text-slate-700">{t("dashboards.portfolio.client")}</label>
              <select id={`${id}-client`} name="client" defaultValue={query.client} className="input max-w-[16rem]">
                <option value="">{t("dashboards.portfolio.anyClient")}</option>
                {data.clients.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}</option>
                ))}
              </select>
            </div>
          )}
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
        </PeriodSwitch>
        {data.ok ? <PeriodSummaryText current={data.period.current} previous={null} days={data.period.days} /> : null}
      </section>
      {data.ok ? (
        <section className="card space-y-3" aria-labelledby={`${id}-table`}>
          <h2 id={`${id}-table`} className="text-sm text-slate-700">
            {t("dashboards.portfolio.totals", {
              count: formatMetric(locale, "count", data.total),
              booked: formatMetric(locale, "count", data.totals.booked),
              held: formatMetric(locale, "count", data.totals.held),
              accepted: formatMetric(locale, "count", data.totals.accepted),
              atRisk: formatMetric(locale, "count", data.totals.atRisk),
              disputes: formatMetric(locale, "count", data.totals.openDisputes),
            })}
          </h2>
          {data.rows.length === 0 ? (
            <p className="text-sm text-slate-500">{t("dashboards.portfolio.empty")}</p>
          ) : (
            <div className="relative overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className="sr-only">{t("dashboards.portfolio.caption", { page: data.page, pages: data.pages })}</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-left text-slate-600">
                    {COLUMNS.map((c) => {
                      const active = c.key === query.sort;
                      const next = active && query.dir === "desc" ? "asc" : active ? "desc" : c.numeric ? "desc" : "asc";
                      return (
                        <th key={c.key} scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className={`py-2 pr-4 font-medium ${c.numeric ? "text-right" : ""}`}>
                          <Link to={href({ sort: c.key, dir: next, page: 1 })} preventScrollReset className="link">
                            {t(c.label)}
                            <span className="sr-only"> — {t("dashboards.sdrs.sortBy", { column: t(c.label) })}</span>
                            {active ? <span aria-hidden> {query.dir === "asc" ? "↑" : "↓"}</span> : null}
                          </Link>
                        </th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={r.id} className="border-b border-slate-100 align-top">
                      <th scope="row" className="min-w-[12rem] py-2 pr-4 text-left font-normal">
                        <Link to={`/campaigns/${r.id}${query.period ? `?period=${encodeURIComponent(query.period)}${query.period === "custom" ? `&from=${query.from}&to=${query.to}` : ""}` : ""}`} className="link font-medium">{r.name}</Link>
                        <span className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                          {client ? null : <span>{r.client}</span>}
                          <CampaignStatusBadge status={r.status} />
                        </span>
                      </th>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatMetric(locale, "count", r.booked)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatMetric(locale, "count", r.held)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatMetric(locale, "count", r.accepted)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatMetric(locale, "percent", r.acceptanceRate)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatMetric(locale, "rating", r.averageRating)}</td>
                      <td className={`py-2 pr-4 text-right tabular-nums ${r.atRisk ? "font-semibold text-red-700" : ""}`}>{formatMetric(locale, "count", r.atRisk)}</td>
                      <td className={`py-2 pr-4 text-right tabular-nums ${r.openDisputes ? "font-semibold text-amber-800" : ""}`}>{formatMetric(locale, "count", r.openDisputes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.pages > 1 ? (
            <nav aria-label={t("dashboards.portfolio.pagination")} className="flex items-center justify-between gap-2 text-sm">
              {data.page > 1 ? <Link to={href({ page: data.page - 1 })} className="link">← {t("dashboards.portfolio.previous")}</Link> : <span />}
              <span className="text-slate-600">{t("dashboards.portfolio.page", { page: data.page, pages: data.pages })}</span>
              {data.page < data.pages ? <Link to={href({ page: data.page + 1 })} className="link">{t("dashboards.portfolio.next")} →</Link> : <span />}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
