// Sent reports as the API shows them (reports:read): their frozen content as readers received it. Never a draft,
// never a comment (internal or not), never a recipient; scoped to the key's agency and client companies.
import type { z } from "zod";
import { prisma } from "~/utils/db.server";
import { toDay } from "~/domain/objectives/dates";
import { readSnapshot } from "~/domain/reports/snapshot";
import type { reportListQuerySchema } from "~/domain/api/schemas";
import type { Prisma } from "~/generated/prisma/client";
import { apiJson, problem } from "./http.server";
import { decodeMeetingCursor as decodeCursor, encodeMeetingCursor as encodeCursor } from "./meetings.server";
import type { ApiKeyActor } from "./keys.server";

/** The reports a key sees: sent, of its agency, and of its client companies when it is limited to some. */
function reportScope(key: ApiKeyActor): Prisma.ReportWhereInput {
  return {
    agencyId: key.agencyId,
    status: "SENT",
    sentAt: { not: null },
    ...(key.clientCompanyIds.length ? { campaign: { clientCompanyId: { in: key.clientCompanyIds } } } : {}),
  };
}

const summary = {
  id: true, campaignId: true, periodStart: true, periodEnd: true, sentAt: true, supersedesId: true,
  campaign: { select: { clientCompanyId: true, name: true } },
  correction: { select: { id: true, status: true } },
} as const;
type Summary = Prisma.ReportGetPayload<{ select: typeof summary }>;

const summaryJson = (r: Summary) => ({
  id: r.id,
  campaignId: r.campaignId,
  clientCompanyId: r.campaign.clientCompanyId,
  period: { start: toDay(r.periodStart), end: toDay(r.periodEnd) },
  sentAt: r.sentAt!.toISOString(),
  correctsId: r.supersedesId,
  correctedById: r.correction?.status === "SENT" ? r.correction.id : null,
});

/** GET /api/v1/reports: sent reports by (sentAt, id), a keyset page at a time (a report sent later comes after). */
export async function listApiReports(key: ApiKeyActor, q: z.infer<typeof reportListQuerySchema>): Promise<Response> {
  const limit = q.limit ?? 50;
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  if (q.cursor && !after) return problem("invalid", { errors: [{ field: "cursor", message: "Use the nextCursor of the previous page." }] });
  const where: Prisma.ReportWhereInput = {
    ...reportScope(key),
    ...(q.campaignId ? { campaignId: q.campaignId } : {}),
    ...(after ? { OR: [{ sentAt: { gt: after.updatedAt } }, { sentAt: after.updatedAt, id: { gt: after.id } }] } : {}),
  };
  const rows = await prisma.report.findMany({ where, orderBy: [{ sentAt: "asc" }, { id: "asc" }], take: limit + 1, select: summary });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return apiJson({ data: page.map(summaryJson), nextCursor: rows.length > limit && last ? encodeCursor(last.sentAt!, last.id) : null });
}

/** GET /api/v1/reports/:id: the frozen content, each section not shown as null (404 for a draft or another tenant's). */
export async function readApiReport(key: ApiKeyActor, reportId: string): Promise<Response> {
  const r = await prisma.report.findFirst({
    where: { AND: [reportScope(key), { id: reportId }] },
    select: { ...summary, frozenAt: true, correctionNote: true, snapshot: true },
  });
  const s = r ? readSnapshot(r.snapshot) : null;
  if (!r || !s) return problem("not_found");
  const shown = new Set<string>(s.sections);
  const section = <T>(name: string, value: () => T): T | null => (shown.has(name) ? value() : null);
  return apiJson({
    ...summaryJson(r),
    campaignName: r.campaign.name,
    frozenAt: r.frozenAt?.toISOString() ?? null,
    previousPeriod: { start: s.previous.start, end: s.previous.end },
    correctionNote: r.supersedesId ? r.correctionNote : "",
    sections: s.sections,
    kpis: section("kpis", () => s.kpis.map((k) => ({ key: k.key, unit: k.unit, value: k.value, previous: k.previous }))),
    funnel: section("funnel", () => s.funnel.map((f) => ({ stage: f.stage, value: f.value, conversion: f.conversion }))),
    trend: section("trend", () => s.trend.map((t) => ({ start: t.start, end: t.end, booked: t.booked, held: t.held, accepted: t.accepted }))),
    ratings: section("ratings", () => s.ratings.map((x) => ({ rating: x.rating, count: x.count }))),
    disputes: section("disputes", () => ({ opened: s.disputes.opened, upheld: s.disputes.upheld, rejected: s.disputes.rejected, pending: s.disputes.pending })),
    objectives: section("objectives", () =>
      s.objectives.map((o) => ({ metric: o.metric, unit: o.unit, target: o.target, actual: o.actual, expected: o.expected, status: o.status, final: o.final, period: { start: o.period.start, end: o.period.end } })),
    ),
    // Team-level means only: the snapshot holds no SDR's own assessment, and nothing beyond these fields is passed on.
    qualitative: section("qualitative", () => s.qualitative.map((x) => ({ title: x.title, score: x.score, previousScore: x.previousScore, assessments: x.assessments }))),
    levers: section("levers", () => s.levers.map((l) => ({ lever: l.lever, metric: l.metric, diagnosis: l.diagnosis, action: l.action, dueDate: l.dueDate, status: l.status }))),
    highlights: section("highlights", () =>
      s.highlights.map((h) => ({ meetingId: h.id, day: h.day, company: h.company, prospectTitle: h.prospectTitle, rating: h.rating, opportunity: h.opportunity, pipelineValue: h.pipelineValue, won: h.won })),
    ),
    commentary: s.texts.commentary,
    highlightsText: s.texts.highlights,
    nextSteps: s.texts.nextSteps,
  });
}
