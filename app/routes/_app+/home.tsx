import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { campaignCounts, listCampaigns } from "~/models/campaign.server";
import { countClients } from "~/models/client.server";
import { listPendingInvitations } from "~/models/invitation.server";
import { countPendingDecisions, pendingDecisions, sentBackVersions } from "~/models/agreement/queries.server";
import { meetingActionCounts, meetingActionsByCampaign } from "~/models/meetings/queries.server";
import { MeetingActionItems } from "~/components/meetings/MeetingActionItems";
import { replacementsOwed } from "~/models/meetings/replacements.server";
import { ReplacementsOwed } from "~/components/meetings/ReplacementsOwed";
import { can, isClientRole } from "~/domain/shared/permissions";
import { useT } from "~/utils/i18n";
import { CampaignStatusBadge } from "~/components/StatusBadge";
import { formatDate } from "~/i18n";
import { billingActionCounts } from "~/models/billing/billing.server";
import { BillingActionItems } from "~/components/billing/BillingActionItems";
import { objectivesAtRisk } from "~/models/objectives/homes.server";
import { HomeObjectives } from "~/components/objectives/HomeObjectives";
import { ritualsDue } from "~/models/qualitative/rituals.server";
import { HomeRituals } from "~/components/qualitative/HomeRituals";
import { reportActionItems } from "~/models/reports/reports.server";
import { HomeReports } from "~/components/reports/HomeReports";

/** One home per side: the agency's (clients, campaigns), an SDR's (assigned campaigns), a client's (own company). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const decides = actor.role === "CLIENT_ADMIN" || can(actor.role, "version:draft");
  const objectives = objectivesAtRisk(actor);
  objectives.catch(() => undefined); // awaited below; this keeps an early failure of the others from leaving it unhandled
  const [counts, active, others, clientCount, invitations, decisions, decisionCount, meetingCounts, meetingCampaigns] = await Promise.all([
    campaignCounts(actor),
    listCampaigns(actor, { status: "ACTIVE", take: HOME_CAMPAIGNS }),
    listCampaigns(actor, { take: HOME_CAMPAIGNS }),
    can(actor.role, "client:read") ? countClients(actor) : Promise.resolve(0),
    can(actor.role, "team:read") && actor.role !== "CLIENT_MEMBER" ? listPendingInvitations(actor) : Promise.resolve([] as Awaited<ReturnType<typeof listPendingInvitations>>),
    decides ? pendingDecisions(actor, HOME_DECISIONS) : Promise.resolve([] as Awaited<ReturnType<typeof pendingDecisions>>),
    decides ? countPendingDecisions(actor) : Promise.resolve(0),
    meetingActionCounts(actor),
    meetingActionsByCampaign(actor),
  ]);
  const sentBack = can(actor.role, "version:draft") ? await sentBackVersions(actor, HOME_DECISIONS) : [];
  // Active campaigns first, then the others, a screenful at most: the full list is on the Campaigns page.
  const campaigns = [...active, ...others.filter((c) => c.status !== "ACTIVE")].slice(0, HOME_CAMPAIGNS);
  return json({
    role: actor.role,
    name: actor.name,
    organization: actor.clientCompanyName ?? actor.agencyName,
    campaigns,
    campaignTotal: counts.total,
    activeTotal: counts.byStatus.ACTIVE ?? 0,
    clientCount,
    pendingInvitations: invitations.length,
    decisions: decisions.slice(0, HOME_DECISIONS),
    decisionCount,
    sentBack,
    meetingCounts,
    meetingCampaigns,
    replacements: await replacementsOwed(actor, { take: HOME_DECISIONS }),
    canLog: can(actor.role, "meeting:log"),
    billing: await billingActionCounts(actor),
    objectives: await objectives,
    rituals: await ritualsDue(actor),
    reports: await reportActionItems(actor),
  });
}

const HOME_CAMPAIGNS = 12;
const HOME_DECISIONS = 10;

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const { t, locale, timeZone } = useT();
  const client = isClientRole(data.role);
  const title = client ? "agency.home.clientTitle" : data.role === "SDR" ? "agency.home.sdrTitle" : "agency.home.agencyTitle";
  return (
    <div className="space-y-8">
      <div>
        <h1 className="h1">{t(title, { organization: data.organization })}</h1>
        <p className="mt-1 text-slate-600">{t("agency.home.welcome", { name: data.name })}</p>
      </div>
      <MeetingActionItems counts={data.meetingCounts} agency={!client} campaigns={data.meetingCampaigns} />
      <ReplacementsOwed items={data.replacements.items} total={data.replacements.total} canLog={data.canLog} client={client} />
      <BillingActionItems counts={data.billing} />
      <HomeRituals rituals={data.rituals} />
      <HomeReports {...data.reports} />
      <HomeObjectives {...data.objectives} activityLinks={data.role === "SDR" ? data.campaigns.filter((c) => c.status === "ACTIVE") : undefined} />
      {data.sentBack.length ? <SentBack versions={data.sentBack} /> : null}
      {data.decisions.length ? <ActionItems decisions={data.decisions} total={data.decisionCount} forClient={data.role === "CLIENT_ADMIN"} /> : null}
      <section aria-label={t("agency.home.glance")} className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("agency.home.activeCampaigns")} value={data.activeTotal} />
        <Stat label={t("agency.home.allCampaigns")} value={data.campaignTotal} href="/campaigns" />
        {client || data.role === "SDR" ? null : <Stat label={t("common.clients")} value={data.clientCount} />}
        {data.pendingInvitations ? <Stat label={t("agency.home.pendingInvitations")} value={data.pendingInvitations} href="/team" /> : null}
      </section>
      {data.role !== "SDR" ? (
        <p>
          <Link to="/portfolio" className="link font-medium">{t("dashboards.portfolio.link")} →</Link>
          <span className="ml-2 text-sm text-slate-600">{t("dashboards.portfolio.linkHelp")}</span>
        </p>
      ) : null}
      <section>
        <h2 className="h2">{data.role === "SDR" ? t("agency.home.myCampaigns") : t("common.campaigns")}</h2>
        {data.campaigns.length === 0 ? (
          <p className="card mt-3 text-sm text-slate-600">{t(data.role === "SDR" ? "agency.home.noAssignment" : "agency.campaigns.empty")}</p>
        ) : (
          <ul className="mt-3 grid gap-3 md:grid-cols-2">
            {data.campaigns.map((c) => (
              <li key={c.id} className="card">
                <div className="flex items-start justify-between gap-2">
                  <Link to={`/campaigns/${c.id}`} className="font-medium text-slate-900 hover:underline">{c.name}</Link>
                  <CampaignStatusBadge status={c.status} />
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {client ? null : <>{c.clientCompany.name} · </>}
                  {c.accountManager?.name ?? t("agency.campaigns.noAm")}
                </p>
                {c.startDate ? (
                  <p className="mt-1 text-xs text-slate-500">
                    {formatDate(locale, c.startDate, { dateStyle: "medium", timeZone })}{c.endDate ? ` → ${formatDate(locale, c.endDate, { dateStyle: "medium", timeZone })}` : ""}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {data.campaignTotal > data.campaigns.length ? (
          <Link to="/campaigns" className="link mt-3 inline-block text-sm">{t("agency.home.seeAll", { count: data.campaignTotal })}</Link>
        ) : null}
      </section>
    </div>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  const body = (
    <>
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-3xl font-semibold text-slate-900">{value}</p>
    </>
  );
  return href ? <Link to={href} className="card block hover:border-brand-500">{body}</Link> : <div className="card">{body}</div>;
}

type Decision = { kind: "persona" | "definition"; versionId: string; number: number; name: string; href: string; campaign: { id: string; name: string } };

/** Versions waiting for a decision: the client admin's to-do, the agency's "waiting on the client". */
function ActionItems({ decisions, total, forClient }: { decisions: Decision[]; total: number; forClient: boolean }) {
  const { t } = useT();
  const n = total;
  const title = forClient
    ? n === 1 ? t("agreement.home.waitingOne") : t("agreement.home.waiting", { count: n })
    : n === 1 ? t("agreement.home.waitingClientOne") : t("agreement.home.waitingClient", { count: n });
  return (
    <section className={`card ${forClient ? "border-amber-300 bg-amber-50" : ""}`} aria-label={title}>
      <h2 className="h2">{title}</h2>
      <ul className="mt-3 space-y-2 text-sm">
        {decisions.map((d) => (
          <li key={d.versionId} className="flex flex-wrap items-center justify-between gap-2">
            <Link to={d.href} className="link font-medium">
              {d.kind === "persona" ? t("agreement.home.personaItem", { name: d.name, n: d.number }) : t("agreement.home.definitionItem", { n: d.number })}
            </Link>
            <span className="text-slate-600">{d.campaign.name}</span>
          </li>
        ))}
      </ul>
      {total > decisions.length ? <p className="mt-2 text-sm text-slate-600">{t("agreement.home.more", { count: total - decisions.length })}</p> : null}
    </section>
  );
}

/** Versions the client sent back with changes requested, not yet answered by a newer proposal: the agency's to-do, with the client's comment. */
function SentBack({ versions }: { versions: (Decision & { comment: string })[] }) {
  const { t } = useT();
  const n = versions.length;
  const title = n === 1 ? t("agreement.home.sentBackOne") : t("agreement.home.sentBack", { count: n });
  return (
    <section className="card border-amber-300 bg-amber-50" aria-label={title}>
      <h2 className="h2">{title}</h2>
      <ul className="mt-3 space-y-3 text-sm">
        {versions.map((d) => (
          <li key={d.versionId}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link to={d.href} className="link font-medium">
                {d.kind === "persona" ? t("agreement.home.personaItem", { name: d.name, n: d.number }) : t("agreement.home.definitionItem", { n: d.number })}
              </Link>
              <span className="text-slate-500">{d.campaign.name}</span>
            </div>
            {d.comment ? <blockquote className="mt-1 break-words border-l-2 border-amber-400 pl-2 text-slate-700">{d.comment}</blockquote> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
