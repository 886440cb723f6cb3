// What the homes and pages read of the agreement: decisions waiting on the client, a campaign's readiness, the
// content of a version as the diff compares it, and the names of the people in a version's trail.
import { prisma } from "~/utils/db.server";
import { type Actor } from "~/utils/auth.server";
import { activationReadiness, type CriterionContent, type DefinitionContent, type PersonaContent, type VersionStatus } from "~/domain/agreement/lifecycle";
import { campaignScope } from "../scope.server";
import { getCampaign } from "../campaign.server";

export async function pendingDecisions(actor: Actor, take = 50) {
  const scope = campaignScope(actor);
  const [personas, definitions] = await Promise.all([
    prisma.personaVersion.findMany({
      where: { status: "PROPOSED", persona: { campaign: scope } },
      orderBy: { proposedAt: "asc" },
      take,
      select: { id: true, number: true, name: true, proposedAt: true, persona: { select: { id: true, campaign: { select: { id: true, name: true } } } } },
    }),
    prisma.definitionVersion.findMany({
      where: { status: "PROPOSED", definition: { campaign: scope } },
      orderBy: { proposedAt: "asc" },
      take,
      select: { id: true, number: true, proposedAt: true, definition: { select: { campaign: { select: { id: true, name: true } } } } },
    }),
  ]);
  return [
    ...personas.map((p) => ({ kind: "persona" as const, versionId: p.id, number: p.number, name: p.name, proposedAt: p.proposedAt, campaign: p.persona.campaign, href: `/campaigns/${p.persona.campaign.id}/targeting/${p.persona.id}?v=${p.id}` })),
    ...definitions.map((d) => ({ kind: "definition" as const, versionId: d.id, number: d.number, name: "", proposedAt: d.proposedAt, campaign: d.definition.campaign, href: `/campaigns/${d.definition.campaign.id}/qualification?v=${d.id}` })),
  ];
}

/**
 * Versions the client sent back with changes requested and the agency has not yet answered with a newer proposal
 * (or an approved one): the agency's to-do, with the client's comment. Two statements per kind at most.
 */
export async function sentBackVersions(actor: Actor, take = 20) {
  const scope = campaignScope(actor);
  const answered = { where: { status: { in: ["PROPOSED", "APPROVED"] as VersionStatus[] } }, orderBy: { number: "desc" as const }, take: 1, select: { number: true } };
  const [personas, definitions] = await Promise.all([
    prisma.personaVersion.findMany({
      where: { status: "CHANGES_REQUESTED", persona: { campaign: scope } },
      orderBy: { decidedAt: "desc" },
      take,
      select: { id: true, number: true, name: true, decidedAt: true, decisionComment: true, persona: { select: { id: true, campaign: { select: { id: true, name: true } }, versions: answered } } },
    }),
    prisma.definitionVersion.findMany({
      where: { status: "CHANGES_REQUESTED", definition: { campaign: scope } },
      orderBy: { decidedAt: "desc" },
      take,
      select: { id: true, number: true, decidedAt: true, decisionComment: true, definition: { select: { campaign: { select: { id: true, name: true } }, versions: answered } } },
    }),
  ]);
  const open = (n: number, later: { number: number }[]) => !later.some((l) => l.number > n);
  return [
    ...personas
      .filter((p) => open(p.number, p.persona.versions))
      .map((p) => ({ kind: "persona" as const, versionId: p.id, number: p.number, name: p.name, decidedAt: p.decidedAt, comment: p.decisionComment ?? "", campaign: p.persona.campaign, href: `/campaigns/${p.persona.campaign.id}/targeting/${p.persona.id}?v=${p.id}` })),
    ...definitions
      .filter((d) => open(d.number, d.definition.versions))
      .map((d) => ({ kind: "definition" as const, versionId: d.id, number: d.number, name: "", decidedAt: d.decidedAt, comment: d.decisionComment ?? "", campaign: d.definition.campaign, href: `/campaigns/${d.definition.campaign.id}/qualification?v=${d.id}` })),
  ].slice(0, take);
}

/** How many versions wait for a client decision in the actor's scope. */
export async function countPendingDecisions(actor: Actor) {
  const scope = campaignScope(actor);
  const [p, d] = await Promise.all([
    prisma.personaVersion.count({ where: { status: "PROPOSED", persona: { campaign: scope } } }),
    prisma.definitionVersion.count({ where: { status: "PROPOSED", definition: { campaign: scope } } }),
  ]);
  return p + d;
}

/** What the campaign still lacks to be activated. */
export async function campaignReadiness(actor: Actor, campaignId: string) {
  const campaign = await getCampaign(actor, campaignId);
  const [personas, definitions] = await Promise.all([
    prisma.personaVersion.count({ where: { status: "APPROVED", persona: { campaignId: campaign.id } } }),
    prisma.definitionVersion.count({ where: { status: "APPROVED", definition: { campaignId: campaign.id } } }),
  ]);
  return activationReadiness(personas, definitions);
}

/** The content of a persona version as the diff compares it. */
export function personaOf(v: PersonaContent): PersonaContent {
  return {
    name: v.name,
    jobTitles: v.jobTitles,
    seniorities: v.seniorities,
    departments: v.departments,
    industries: v.industries,
    companySizeMin: v.companySizeMin,
    companySizeMax: v.companySizeMax,
    geographies: v.geographies,
    exclusions: v.exclusions,
    pains: v.pains,
    pitch: v.pitch,
    notes: v.notes,
  };
}

export function definitionOf(v: Omit<DefinitionContent, "criteria"> & { criteria: CriterionContent[] }): DefinitionContent {
  return {
    disputeWindowDays: v.disputeWindowDays,
    noShowPolicy: v.noShowPolicy,
    minDurationMinutes: v.minDurationMinutes,
    allowedChannels: v.allowedChannels,
    minLeadTimeHours: v.minLeadTimeHours,
    notes: v.notes,
    attendanceRuleHours: v.attendanceRuleHours,
    windowsInBusinessDays: v.windowsInBusinessDays,
    criteria: v.criteria.map((c) => ({ key: c.key, label: c.label, helpText: c.helpText, required: c.required })),
  };
}

/** Names of the agency's or client's people behind a version's decisions (ids outside the agency are ignored). */
export async function peopleNames(actor: Actor, ids: (string | null)[]) {
  const wanted = ids.filter((x): x is string => Boolean(x));
  if (!wanted.length) return {} as Record<string, string>;
  const users = await prisma.user.findMany({
    where: { id: { in: wanted }, memberships: { some: { agencyId: actor.agencyId } } },
    select: { id: true, name: true },
  });
  return Object.fromEntries(users.map((u) => [u.id, u.name])) as Record<string, string>;
}
