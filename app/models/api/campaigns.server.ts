// Campaigns as the API shows them: what a dialer needs to fill the checklist (approved personas, the definition
// version in force and its criteria keys). Always scoped to the key's agency and client companies.
import { prisma } from "~/utils/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ApiKeyActor } from "./keys.server";

function scopeOf(key: ApiKeyActor): Prisma.CampaignWhereInput {
  return { agencyId: key.agencyId, ...(key.clientCompanyIds.length ? { clientCompanyId: { in: key.clientCompanyIds } } : {}) };
}

const summary = { id: true, name: true, status: true, clientCompanyId: true, startDate: true, endDate: true, updatedAt: true } as const;

type Summary = Prisma.CampaignGetPayload<{ select: typeof summary }>;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const summaryJson = (c: Summary) => ({
  id: c.id, name: c.name, status: c.status, clientCompanyId: c.clientCompanyId,
  startDate: day(c.startDate), endDate: day(c.endDate), updatedAt: c.updatedAt.toISOString(),
});

/** One page of the key's campaigns, by id (a stable cursor). */
export async function listApiCampaigns(key: ApiKeyActor, opts: { limit: number; cursor?: string | null }) {
  const rows = await prisma.campaign.findMany({
    where: { ...scopeOf(key), ...(opts.cursor ? { id: { gt: opts.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: opts.limit + 1,
    select: summary,
  });
  const page = rows.slice(0, opts.limit);
  return { data: page.map(summaryJson), nextCursor: rows.length > opts.limit ? page[page.length - 1].id : null };
}

/** A campaign with its approved personas and definition in force, or null when the key does not see it. */
export async function readApiCampaign(key: ApiKeyActor, campaignId: string) {
  const c = await prisma.campaign.findFirst({
    where: { id: campaignId, ...scopeOf(key) },
    select: {
      ...summary,
      personas: { select: { id: true, versions: { where: { status: "APPROVED" }, select: { id: true, number: true, name: true, jobTitles: true, seniorities: true, departments: true, industries: true, geographies: true } } } },
      definition: {
        select: {
          versions: {
            where: { status: "APPROVED" },
            select: { id: true, number: true, disputeWindowDays: true, minDurationMinutes: true, allowedChannels: true, minLeadTimeHours: true, criteria: { orderBy: { position: "asc" }, select: { key: true, label: true, required: true } } },
          },
        },
      },
    },
  });
  if (!c) return null;
  const definition = c.definition?.versions[0] ?? null;
  return {
    ...summaryJson(c),
    personas: c.personas.flatMap((p) => p.versions.map((v) => ({ personaId: p.id, versionId: v.id, number: v.number, name: v.name, jobTitles: v.jobTitles, seniorities: v.seniorities, departments: v.departments, industries: v.industries, geographies: v.geographies }))),
    definition: definition
      ? { versionId: definition.id, number: definition.number, disputeWindowDays: definition.disputeWindowDays, minDurationMinutes: definition.minDurationMinutes, allowedChannels: definition.allowedChannels, minLeadTimeHours: definition.minLeadTimeHours, criteria: definition.criteria }
      : null,
  };
}
