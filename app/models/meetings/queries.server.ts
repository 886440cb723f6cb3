// Reading meetings, always inside the actor's scope: the lists (filters, sort, pages), the streamed export, one
// meeting with its history and thread (internal parts only for the agency), and the counts the homes show.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { notFound } from "~/domain/shared/errors";
import { isAgencyRole, isClientRole } from "~/domain/shared/permissions";
import { WINDOW_REMINDER_HOURS } from "~/domain/meetings/rules";
import type { ListFilter } from "~/domain/meetings/schemas";
import type { Prisma } from "~/generated/prisma/client";
import { campaignScope } from "../scope.server";
import { meetingScope } from "./change.server";

// ---------------------------------------------------------------------------------------------------------------
// Reading

function listWhere(actor: Actor, f: Partial<ListFilter>, now = new Date()): Prisma.MeetingWhereInput {
  const and: Prisma.MeetingWhereInput[] = [meetingScope(actor)];
  if (f.campaignId) and.push({ campaignId: f.campaignId });
  if (f.status) and.push({ status: f.status });
  if (f.verdict) and.push({ verdict: f.verdict });
  if (f.sdrId) and.push({ sdrId: f.sdrId });
  if (f.personaVersionId) and.push({ personaVersionId: f.personaVersionId });
  if (f.personaId) and.push({ personaVersion: { personaId: f.personaId } });
  if (f.clientId) and.push({ campaign: { clientCompanyId: f.clientId } });
  if (f.from) and.push({ scheduledAt: { gte: new Date(`${f.from}T00:00:00Z`) } });
  if (f.to) and.push({ scheduledAt: { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86400_000) } });
  if (f.attention === "attendance") and.push({ status: "SCHEDULED", scheduledAt: { lt: now } });
  if (f.q) {
    const q = f.q.trim();
    and.push({
      OR: [
        { prospectName: { contains: q, mode: "insensitive" } },
        { prospectEmail: { contains: q.toLowerCase() } },
        { prospectCompany: { contains: q, mode: "insensitive" } },
        { externalId: q },
      ],
    });
  }
  return { AND: and };
}

function listOrder(sort: ListFilter["sort"]): Prisma.MeetingOrderByWithRelationInput[] {
  if (sort === "date_asc") return [{ scheduledAt: "asc" }, { id: "asc" }];
  if (sort === "status") return [{ status: "asc" }, { scheduledAt: "desc" }, { id: "desc" }];
  return [{ scheduledAt: "desc" }, { id: "desc" }];
}

export const PAGE_SIZE = 50;

const listSelect = {
  id: true,
  campaignId: true,
  prospectName: true,
  prospectTitle: true,
  prospectCompany: true,
  scheduledAt: true,
  timeZone: true,
  status: true,
  verdict: true,
  ratingOverall: true,
  possibleDuplicate: true,
  reviewDueAt: true,
  sdr: { select: { id: true, name: true } },
  personaVersion: { select: { id: true, name: true, number: true } },
  campaign: { select: { id: true, name: true } },
} satisfies Prisma.MeetingSelect;

/** Above this, a filtered total is not counted: the list says "more than 1,000" (docs/decisions/0041-meeting-list-at-scale.md). */
export const COUNT_CAP = 1000;
/** From this offset on, a page reads its ids alone first (an index-only scan), then those 50 rows. */
const DEFERRED_JOIN_FROM = 1000;

/**
 * One page of the meetings the actor may see, with the total. The total is exact and read from the rollup when the
 * filter allows it (a campaign, optionally a status, an SDR or a persona version: CampaignDayStat counts every
 * meeting once as booked and by status), otherwise counted up to COUNT_CAP (`totalIsLowerBound` then says "more than").
 * Inside one campaign the rows are read by campaign only (its access is checked by a parallel query), so the indexes
 * on (campaignId, ...) serve; deep pages read their ids first (deferred join) instead of fetching every skipped row.
 */
export async function listMeetings(actor: Actor, filter: Partial<ListFilter>, now = new Date()) {
  assertCan(actor, "campaign:read");
  const page = filter.page ?? 1;
  const skip = (page - 1) * PAGE_SIZE;
  const orderBy = listOrder(filter.sort ?? "date_desc");
  let where = listWhere(actor, filter, now);
  let access: Promise<unknown> = Promise.resolve(true);
  if (filter.campaignId) {
    access = prisma.campaign.findFirst({ where: { AND: [campaignScope(actor), { id: filter.campaignId }] }, select: { id: true } });
    const { campaignId: _c, ...rest } = filter;
    // The campaign's meetings are its agency's and its client's: once the campaign is in scope, only an SDR's own remain to filter.
    const inner = listWhere({ ...actor, role: "AGENCY_ADMIN" }, rest, now);
    where = { AND: [{ campaignId: filter.campaignId }, ...(actor.role === "SDR" ? [{ sdrId: actor.userId }] : []), ...((inner.AND as Prisma.MeetingWhereInput[]).slice(1))] };
  }
  const rows = async () => {
    if (skip < DEFERRED_JOIN_FROM) return prisma.meeting.findMany({ where, orderBy, skip, take: PAGE_SIZE + 1, select: listSelect });
    const ids = (await prisma.meeting.findMany({ where, orderBy, skip, take: PAGE_SIZE + 1, select: { id: true } })).map((m) => m.id);
    const found = new Map((await prisma.meeting.findMany({ where: { id: { in: ids } }, select: listSelect })).map((m) => [m.id, m]));
    return ids.flatMap((id) => found.get(id) ?? []);
  };
  const capped = async () => {
    const n = await prisma.meeting.count({ where, take: COUNT_CAP + 1 });
    return { total: Math.min(n, COUNT_CAP), totalIsLowerBound: n > COUNT_CAP };
  };
  const [ok, counted, fetched] = await Promise.all([
    access,
    rollupCountable(filter) ? exactTotal(actor, filter).then((total) => ({ total, totalIsLowerBound: false })) : capped(),
    rows(),
  ]);
  if (!ok) throw notFound();
  const { total, totalIsLowerBound } = counted;
  const hasNext = fetched.length > PAGE_SIZE;
  const meetings = fetched.slice(0, PAGE_SIZE);
  const known = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pages = totalIsLowerBound ? Math.max(known, page + (hasNext ? 1 : 0)) : known;
  return { total, totalIsLowerBound, page, pages, hasNext, meetings };
}

/**
 * The exact number of meetings matching a filter the rollup counts (rollupCountable: a campaign, and optionally a
 * status, an SDR, a persona version).
 */
const rollupCountable = (f: Partial<ListFilter>) => Boolean(f.campaignId && !f.q && !f.from && !f.to && !f.verdict && !f.attention && !f.personaId && !f.clientId);

async function exactTotal(actor: Actor, f: Partial<ListFilter>): Promise<number> {
  const sdrId = actor.role === "SDR" ? actor.userId : f.sdrId ?? null;
  if (actor.role === "SDR" && f.sdrId && f.sdrId !== actor.userId) return 0;
  const columns: Record<string, string> = { HELD: `"held"`, NO_SHOW: `"noShow"`, CANCELLED: `"cancelled"`, SCHEDULED: `("booked" - "held" - "noShow" - "cancelled")` };
  const column = columns[f.status ?? ""] ?? `"booked"`;
  const rows = await prisma.$queryRawUnsafe<{ n: bigint | number | null }[]>(
    `SELECT COALESCE(sum(${column}), 0)::bigint AS n FROM "CampaignDayStat"
      WHERE "campaignId" = $1 AND ($2::text IS NULL OR "sdrId" = $2) AND ($3::text IS NULL OR "personaVersionId" = $3)`,
    f.campaignId,
    sdrId,
    f.personaVersionId ?? null,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The options of the list's filters for one campaign (its SDRs, its persona versions that have meetings or are approved). */
export async function listFilterOptions(actor: Actor, campaignId?: string) {
  const found = await prisma.campaign.findMany({
    where: { AND: [campaignScope(actor), campaignId ? { id: campaignId } : {}] },
    select: { id: true, name: true, clientCompany: { select: { id: true, name: true } } },
    orderBy: { name: "asc" },
    take: 500,
  });
  const ids = found.map((c) => c.id);
  const [sdrs, personaVersions] = await Promise.all([
    actor.role === "SDR" || isClientRole(actor.role)
      ? Promise.resolve([] as { id: string; name: string }[])
      : prisma.user.findMany({ where: { assignments: { some: { campaignId: { in: ids } } } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.personaVersion.findMany({
      where: { persona: { campaignId: { in: ids } }, status: { in: ["APPROVED", "SUPERSEDED"] } },
      select: { id: true, name: true, number: true, personaId: true },
      orderBy: [{ number: "desc" }],
    }),
  ]);
  const campaigns = found.map((c) => ({ id: c.id, name: c.name }));
  const clients = [...new Map(found.map((c) => [c.clientCompany.id, c.clientCompany])).values()].sort((a, b) => a.name.localeCompare(b.name));
  // Personas with their versions inside (newest first); a persona reads by its latest version's name.
  const byPersona = new Map<string, { id: string; name: string; versions: { id: string; name: string; number: number }[] }>();
  for (const v of personaVersions) {
    const p = byPersona.get(v.personaId) ?? byPersona.set(v.personaId, { id: v.personaId, name: v.name, versions: [] }).get(v.personaId)!;
    p.versions.push({ id: v.id, name: v.name, number: v.number });
  }
  const personas = [...byPersona.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { campaigns, clients, sdrs, personas };
}

/** Streams the filtered list in pages of 1,000 (for the CSV export), never loading it whole. */
export async function* iterateMeetings(actor: Actor, filter: Partial<ListFilter>) {
  assertCan(actor, "campaign:read");
  const where = listWhere(actor, filter);
  const agency = isAgencyRole(actor.role);
  let cursor: string | undefined;
  for (;;) {
    const batch = await prisma.meeting.findMany({
      where,
      orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
      take: 1000,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: {
        id: true,
        externalId: true,
        scheduledAt: true,
        timeZone: true,
        durationMinutes: true,
        channel: true,
        status: true,
        verdict: true,
        autoAccepted: true,
        prospectName: true,
        prospectTitle: true,
        prospectEmail: true,
        prospectPhone: true,
        prospectCompany: true,
        prospectDomain: true,
        prospectCompanySize: true,
        prospectIndustry: true,
        prospectCountry: true,
        prospectLinkedinUrl: true,
        ratingOverall: true,
        ratingPersonaFit: true,
        ratingDecisionPower: true,
        ratingRealNeed: true,
        ratingBriefing: true,
        disputeReason: true,
        disputeReasonText: true,
        resolutionReasoning: true,
        opportunityCreated: true,
        pipelineValue: true,
        won: true,
        internalNotes: agency,
        sdr: { select: { name: true } },
        clientAttendee: { select: { name: true } },
        personaVersion: { select: { name: true, number: true } },
        definitionVersion: { select: { number: true } },
        campaign: { select: { name: true } },
        disputeItems: { select: { reason: true, criterion: { select: { label: true, position: true } } }, orderBy: { criterion: { position: "asc" } } },
      },
    });
    if (!batch.length) return;
    yield batch;
    if (batch.length < 1000) return;
    cursor = batch[batch.length - 1].id;
  }
}

/** One meeting with its checklist, dispute, history and thread; internal notes and comments only for the agency. */
export async function getMeeting(actor: Actor, meetingId: string) {
  assertCan(actor, "campaign:read");
  const agency = isAgencyRole(actor.role);
  const m = await prisma.meeting.findFirst({
    where: { AND: [meetingScope(actor), { id: meetingId }] },
    include: {
      campaign: { select: { id: true, name: true, status: true } },
      clientCompany: { select: { id: true, name: true, currency: true } },
      sdr: { select: { id: true, name: true } },
      clientAttendee: { select: { id: true, name: true } },
      personaVersion: { select: { id: true, name: true, number: true, status: true } },
      definitionVersion: { select: { id: true, number: true, disputeWindowDays: true, status: true } },
      checks: { include: { criterion: { select: { id: true, label: true, helpText: true, required: true, position: true } } } },
      disputeItems: { include: { criterion: { select: { id: true, label: true } } } },
      replaces: { select: { id: true, prospectName: true } },
      replacement: { select: { id: true, prospectName: true } },
      events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
      comments: {
        where: agency ? {} : { internal: false },
        orderBy: { createdAt: "asc" },
        include: { author: { select: { name: true } } },
      },
    },
  });
  if (!m) throw notFound();
  // A client member does not give the verdict: the page tells them who does (their company's admins).
  const deciders =
    actor.role === "CLIENT_MEMBER"
      ? prisma.user.findMany({
          where: { memberships: { some: { agencyId: actor.agencyId, clientCompanyId: m.clientCompanyId, role: "CLIENT_ADMIN" } } },
          select: { name: true },
          orderBy: { name: "asc" },
          take: 5,
        })
      : Promise.resolve([]);
  const [criteria, names, admins] = await Promise.all([
    prisma.definitionCriterion.findMany({ where: { versionId: m.definitionVersionId }, orderBy: { position: "asc" }, select: { id: true, label: true, required: true } }),
    userNames([m.verdictById, m.resolvedById, m.ratedById]),
    deciders,
  ]);
  const { internalNotes, ...rest } = m;
  return {
    ...rest,
    checks: [...m.checks].sort((a, b) => a.criterion.position - b.criterion.position),
    internalNotes: agency ? internalNotes : null,
    criteria,
    verdictBy: m.verdictById ? names.get(m.verdictById) ?? null : null,
    resolvedBy: m.resolvedById ? names.get(m.resolvedById) ?? null : null,
    ratedBy: m.ratedById ? names.get(m.ratedById) ?? null : null,
    deciders: admins.map((a) => a.name),
    /** Created by a CSV import (its history says so): nobody checked the criteria, and the checklist says why. */
    imported: m.events.some((e) => e.type === "created" && typeof e.data === "object" && e.data !== null && "importJobId" in e.data),
  };
}

async function userNames(ids: (string | null)[]) {
  const list = ids.filter((x): x is string => Boolean(x));
  const users = list.length ? await prisma.user.findMany({ where: { id: { in: list } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Counts for the homes: meetings past their time without attendance, to review, disputes to answer. */
export async function meetingActionCounts(actor: Actor, now = new Date(), campaignId?: string) {
  const scope: Prisma.MeetingWhereInput = campaignId ? { AND: [meetingScope(actor), { campaignId }] } : meetingScope(actor);
  const [attendance, toReview, disputes] = await Promise.all([
    prisma.meeting.count({ where: { AND: [scope, { status: "SCHEDULED", scheduledAt: { lt: now } }] } }),
    isClientRole(actor.role) ? prisma.meeting.count({ where: { AND: [scope, { status: "HELD", verdict: "PENDING" }] } }) : Promise.resolve(0),
    actor.role === "AGENCY_ADMIN" || actor.role === "ACCOUNT_MANAGER"
      ? prisma.meeting.count({ where: { AND: [scope, { verdict: "DISPUTED" }] } })
      : Promise.resolve(0),
  ]);
  return { attendance, toReview, disputes };
}

export type CampaignMeetingActions = { id: string; name: string; attendance: number; toReview: number; windowClosingSoon: boolean };

/**
 * A client's meeting action items per campaign, for the home's links to each campaign's filtered Meetings tab: past
 * their time without attendance, held and waiting for the verdict (and whether a dispute window closes within 48
 * hours). One grouped query in the actor's scope, then the names of the campaigns it found (in scope too).
 */
export async function meetingActionsByCampaign(actor: Actor, now = new Date()): Promise<CampaignMeetingActions[]> {
  if (!isClientRole(actor.role)) return [];
  const groups = await prisma.meeting.groupBy({
    by: ["campaignId", "status"],
    where: { AND: [meetingScope(actor), { OR: [{ status: "SCHEDULED", scheduledAt: { lt: now } }, { status: "HELD", verdict: "PENDING" }] }] },
    _count: { _all: true },
    _min: { reviewDueAt: true },
  });
  if (!groups.length) return [];
  const campaigns = await prisma.campaign.findMany({
    where: { AND: [campaignScope(actor), { id: { in: [...new Set(groups.map((g) => g.campaignId))] } }] },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const soon = now.getTime() + WINDOW_REMINDER_HOURS * 3600_000;
  return campaigns.map((c) => {
    const of = (status: "SCHEDULED" | "HELD") => groups.find((g) => g.campaignId === c.id && g.status === status);
    const held = of("HELD");
    return {
      id: c.id,
      name: c.name,
      attendance: of("SCHEDULED")?._count._all ?? 0,
      toReview: held?._count._all ?? 0,
      windowClosingSoon: Boolean(held?._min.reviewDueAt && held._min.reviewDueAt.getTime() <= soon),
    };
  });
}

/** One meeting as its page reads it. */
export type MeetingDetail = Awaited<ReturnType<typeof getMeeting>>;
