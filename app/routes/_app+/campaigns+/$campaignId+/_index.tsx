import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireActor } from "~/utils/auth.server";
import { campaignHistory, getCampaign, setCampaignStatus } from "~/models/campaign.server";
import { campaignReadiness } from "~/models/agreement/queries.server";
import { actionError, orResponse } from "~/utils/http.server";
import { parseForm } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { can } from "~/domain/shared/permissions";
import { FormError } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { formatDate, formatDateTime, keyFor } from "~/i18n";
import { readForm } from "~/utils/http.server";
import { campaignOverview } from "~/models/dashboards/overview.server";
import { DisputeRatesSection, KpiTiles, OverviewCharts, OverviewFunnel, OverviewObjectives, PeriodSummary, PeriodSwitch, SDR_SORTS, SdrTable, type SdrSort } from "~/components/dashboards/OverviewSections";

const querySchema = z.object({
  period: z.string().max(20).nullish(),
  from: z.string().max(20).nullish(),
  to: z.string().max(20).nullish(),
  sort: z.enum(SDR_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const url = new URL(request.url);
  const q = querySchema.parse(Object.fromEntries(url.searchParams));
  const [campaign, history, readiness, overview] = await orResponse(
    Promise.all([
      getCampaign(actor, params.campaignId!),
      campaignHistory(actor, params.campaignId!),
      campaignReadiness(actor, params.campaignId!),
      campaignOverview(actor, params.campaignId!, { kind: q.period, from: q.from, to: q.to }),
    ]),
  );
  if (overview.ok && overview.perSdr) sortSdrs(overview.perSdr, q.sort, q.dir);
  return json({
    campaign, history, readiness, overview, manage: can(actor.role, "campaign:manage"),
    query: { period: q.period ?? "month", from: q.from ?? "", to: q.to ?? "", sort: q.sort, dir: q.dir },
  });
}

function sortSdrs<T extends Record<SdrSort, string | number | null>>(rows: T[], sort: SdrSort, dir: "asc" | "desc") {
  const paceRank = (v: unknown) => ["OFF_TRACK", "AT_RISK", "NOT_STARTED", "NO_DATA", "ON_TRACK"].indexOf(String(v));
  rows.sort((a, b) => {
    const x = sort === "pace" ? paceRank(a.pace) : a[sort];
    const y = sort === "pace" ? paceRank(b.pace) : b[sort];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : Number(x) - Number(y);
    return dir === "asc" ? c : -c;
  });
}

const statusSchema = z.object({ status: z.enum(["DRAFT", "ACTIVE", "PAUSED", "COMPLETED"], { error: "common.errors.invalid" }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "campaign:manage");
  const formData = await readForm(request);
  const parsed = parseForm(statusSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    await setCampaignStatus(actor, params.campaignId!, parsed.data.status);
    return redirectWithToast(`/campaigns/${params.campaignId}`, "agreement.activation.changed");
  } catch (e) {
    return actionError(e, formData);
  }
}

type HistoryData = { name?: string; version?: number; comment?: string; from?: string; to?: string };

export default function CampaignOverview() {
  const { campaign, history, readiness, manage, overview, query } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, timeZone } = useT();
  const busy = navigation.state === "submitting";
  const check = (ok: boolean) => (
    <span aria-hidden className={`inline-flex h-5 w-5 items-center justify-center rounded-full text-xs ${ok ? "bg-green-100 text-green-700" : "bg-slate-100 text-slate-400"}`}>{ok ? "✓" : "•"}</span>
  );
  const sortHref = (sort: SdrSort, dir: "asc" | "desc") => {
    const p = new URLSearchParams();
    p.set("period", query.period);
    if (query.from) p.set("from", query.from);
    if (query.to) p.set("to", query.to);
    p.set("sort", sort);
    p.set("dir", dir);
    return `?${p.toString()}`;
  };
  const shownFrom = overview.ok ? overview.period.current.start : query.from;
  const shownTo = overview.ok ? overview.period.current.end : query.to;
  return (
    <div className="space-y-6">
      <section className="card space-y-3" aria-label={t("dashboards.period.legend")}>
        <PeriodSwitch kind={overview.ok ? overview.period.kind : "custom"} from={query.period === "custom" ? query.from : shownFrom} to={query.period === "custom" ? query.to : shownTo} error={overview.ok ? null : overview.error} />
        {overview.ok ? <PeriodSummary data={overview} /> : null}
      </section>
      {overview.ok ? (
        <>
          <KpiTiles data={overview} />
          <OverviewFunnel data={overview} />
          <OverviewCharts data={overview} />
          {overview.perSdr ? <SdrTable rows={overview.perSdr} sort={query.sort} dir={query.dir} sortHref={sortHref} /> : null}
          <DisputeRatesSection data={overview} />
          <OverviewObjectives data={overview} />
        </>
      ) : null}
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        {campaign.status === "DRAFT" || manage ? (
          <section className="card space-y-3" aria-label={campaign.status === "ACTIVE" ? t("meetings.activation.live") : t("agreement.activation.title")}>
            <h2 className="h2">{campaign.status === "ACTIVE" ? t("meetings.activation.live") : t("agreement.activation.title")}</h2>
            <p className="text-sm text-slate-600">{readiness.ready ? t("agreement.activation.ready") : t("agreement.activation.notReady")}</p>
            <ul className="space-y-1 text-sm">
              <li className="flex items-center gap-2">
                {check(readiness.persona)}
                <Link to="targeting" className="link">{t("agreement.activation.persona")}</Link>
                <span className="sr-only">{readiness.persona ? "✓" : "✗"}</span>
              </li>
              <li className="flex items-center gap-2">
                {check(readiness.definition)}
                <Link to="qualification" className="link">{t("agreement.activation.definition")}</Link>
                <span className="sr-only">{readiness.definition ? "✓" : "✗"}</span>
              </li>
            </ul>
            {manage ? (
              <Form method="post" className="flex flex-wrap gap-2 pt-2">
                <FormError errors={data && !data.ok ? data.errors : undefined} />
                {campaign.status === "DRAFT" || campaign.status === "PAUSED" ? (
                  <button name="status" value="ACTIVE" className="btn-primary" disabled={busy} aria-disabled={!readiness.ready}>
                    {campaign.status === "PAUSED" ? t("agreement.activation.resume") : t("agreement.activation.activate")}
                  </button>
                ) : null}
                {campaign.status === "ACTIVE" ? <button name="status" value="PAUSED" className="btn-secondary" disabled={busy}>{t("agreement.activation.pause")}</button> : null}
                {campaign.status === "ACTIVE" || campaign.status === "PAUSED" ? (
                  <button name="status" value="COMPLETED" className="btn-secondary" disabled={busy}>{t("agreement.activation.complete")}</button>
                ) : null}
              </Form>
            ) : null}
          </section>
        ) : null}
        <section className="card space-y-3">
          <h2 className="h2">{t("agency.campaigns.details")}</h2>
          {campaign.description ? <p className="whitespace-pre-line text-sm text-slate-700">{campaign.description}</p> : null}
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <dt className="text-slate-500">{t("agency.campaigns.accountManager")}</dt>
            <dd>{campaign.accountManager?.name ?? "—"}</dd>
            <dt className="text-slate-500">{t("agency.campaigns.period")}</dt>
            <dd>{campaign.startDate ? formatDate(locale, campaign.startDate, { dateStyle: "medium", timeZone }) : "—"}{campaign.endDate ? ` → ${formatDate(locale, campaign.endDate, { dateStyle: "medium", timeZone })}` : ""}</dd>
            <dt className="text-slate-500">{t("agency.campaigns.sdrs")}</dt>
            <dd>{campaign.assignments.length ? campaign.assignments.map((a) => a.user.name).join(", ") : t("agency.campaigns.noSdr")}</dd>
          </dl>
        </section>
      </div>
      <section className="card" aria-label={t("agency.campaigns.history")}>
        <h2 className="h2">{t("agency.campaigns.history")}</h2>
        {history.length ? (
          <ol className="mt-3 space-y-3 text-sm">
            {history.map((h) => {
              const d = (h.data ?? {}) as HistoryData;
              return (
                <li key={h.id}>
                  <p className="font-medium">{t(keyFor("agency.audit", h.type, "agency.audit.other"))}</p>
                  {d.name || d.version ? (
                    <p className="text-slate-600">{[d.name, d.version ? t("agreement.versionN", { n: d.version }) : null].filter(Boolean).join(" · ")}</p>
                  ) : null}
                  {d.from && d.to ? <p className="text-slate-600">{t(keyFor("common.status", d.from, "common.unknown"))} → {t(keyFor("common.status", d.to, "common.unknown"))}</p> : null}
                  {d.comment ? <q className="block italic text-slate-600">{d.comment}</q> : null}
                  <p className="text-xs text-slate-500">{h.actor?.name ?? "Rendezvous"} · {formatDateTime(locale, h.createdAt, timeZone)}</p>
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="mt-3 text-sm text-slate-500">{t("agency.campaigns.noHistory")}</p>
        )}
      </section>
    </div>
    </div>
  );
}
