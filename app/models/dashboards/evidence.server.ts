// Persona evidence: what the client's verdicts say about the targeting. Grouped counts of the campaign's decided
// meetings (accepted by the client against disputed) by industry, company size and country, and the job titles of
// the disputes on the most disputed criterion: three grouped statements, never a meeting list. The rules (minimum
// sample, strongest contrast, title words) are pure: app/domain/dashboards/evidence.ts.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { disputesWithoutWord, groupsOf, strongestContrast, titleWords, type Outcome } from "~/domain/dashboards/evidence";
import { Prisma } from "~/generated/prisma/client";
import { campaignScope } from "../scope.server";
import { audit } from "../audit.server";

export const EVIDENCE_FIELDS = ["industry", "companySize", "country"] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];
const COLUMN: Record<EvidenceField, string> = { industry: "prospectIndustry", companySize: "prospectCompanySize", country: "prospectCountry" };

type Side = { value: string; rate: number; total: number };
export type Finding =
  | { kind: "field"; field: EvidenceField; best: Side; worst: Side }
  | { kind: "titles"; criterion: string; word: string; without: number; of: number };
export type Evidence = { decided: number; accepted: number; disputed: number; findings: Finding[]; at: string };

/** Words too common in titles to say anything ("head of", "de la"...). */
const STOP = new Set(["of", "and", "the", "de", "du", "des", "la", "le", "les", "et", "en", "of", "for", "head"]);

export async function personaEvidence(actor: Actor, campaignId: string, now = new Date()): Promise<Evidence> {
  assertCan(actor, "campaign:read");
  const campaign = await prisma.campaign.findFirst({ where: { id: campaignId, ...campaignScope(actor) }, select: { id: true } });
  if (!campaign) throw notFound();
  const sets = EVIDENCE_FIELDS.map((f) => `(m."${COLUMN[f]}")`).join(", ");
  const [byField, disputedTitles, acceptedTitles] = await Promise.all([
    prisma.$queryRawUnsafe<{ industry: string | null; companySize: string | null; country: string | null; g: number; accepted: number; disputed: number }[]>(
      `SELECT m."prospectIndustry" AS industry, m."prospectCompanySize" AS "companySize", m."prospectCountry" AS country,
              GROUPING(m."prospectIndustry", m."prospectCompanySize", m."prospectCountry")::int AS g,
              count(*) FILTER (WHERE m."verdict" = 'ACCEPTED')::int AS accepted,
              count(*) FILTER (WHERE m."verdict" IN ('DISPUTED', 'DISPUTE_UPHELD', 'DISPUTE_REJECTED'))::int AS disputed
         FROM "Meeting" m
        WHERE m."campaignId" = $1 AND m."verdict" <> 'PENDING'
        GROUP BY GROUPING SETS (${sets}, ())`,
      campaignId,
    ),
    prisma.$queryRawUnsafe<{ key: string; label: string; title: string; n: number }[]>(
      `SELECT c."key", max(c."label") AS label, m."prospectTitle" AS title, count(*)::int AS n
         FROM "MeetingDisputeItem" d JOIN "Meeting" m ON m."id" = d."meetingId" JOIN "DefinitionCriterion" c ON c."id" = d."criterionId"
        WHERE m."campaignId" = $1
        GROUP BY c."key", m."prospectTitle"`,
      campaignId,
    ),
    prisma.$queryRawUnsafe<{ title: string; n: number }[]>(
      `SELECT m."prospectTitle" AS title, count(*)::int AS n FROM "Meeting" m
        WHERE m."campaignId" = $1 AND m."verdict" = 'ACCEPTED' AND m."prospectTitle" <> '' GROUP BY m."prospectTitle" ORDER BY n DESC LIMIT 500`,
      campaignId,
    ),
  ]);
  const total = byField.find((r) => r.g === 7);
  const findings: Finding[] = [];
  // GROUPING bits: industry 4, companySize 2, country 1; a set's own column is the 0 bit.
  const bit: Record<EvidenceField, number> = { industry: 4, companySize: 2, country: 1 };
  for (const field of EVIDENCE_FIELDS) {
    const counts: Record<string, Outcome> = {};
    for (const r of byField) {
      if (r.g !== 7 - bit[field]) continue;
      const value = r[field];
      if (!value) continue;
      counts[value] = { accepted: r.accepted, disputed: r.disputed };
    }
    const contrast = strongestContrast(groupsOf(counts));
    if (contrast && contrast.best.acceptanceRate! - contrast.worst.acceptanceRate! >= 15) {
      const side = (g: typeof contrast.best): Side => ({ value: g.value, rate: Math.round(g.acceptanceRate!), total: g.total });
      findings.push({ kind: "field", field, best: side(contrast.best), worst: side(contrast.worst) });
    }
  }
  // The most disputed criterion, and the title word most common among accepted meetings that its disputes lack.
  const byCriterion = new Map<string, { label: string; titles: string[] }>();
  for (const r of disputedTitles) {
    const c = byCriterion.get(r.key) ?? { label: r.label, titles: [] };
    for (let i = 0; i < r.n; i += 1) c.titles.push(r.title);
    byCriterion.set(r.key, c);
  }
  const top = [...byCriterion.values()].sort((a, b) => b.titles.length - a.titles.length)[0];
  if (top && top.titles.length >= 3) {
    const words = new Map<string, number>();
    for (const r of acceptedTitles) for (const w of new Set(titleWords(r.title))) if (!STOP.has(w)) words.set(w, (words.get(w) ?? 0) + r.n);
    const word = [...words.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (word) {
      const { without, of } = disputesWithoutWord(top.titles, word);
      if (without / of >= 0.6) findings.push({ kind: "titles", criterion: top.label, word, without, of });
    }
  }
  return { decided: (total?.accepted ?? 0) + (total?.disputed ?? 0), accepted: total?.accepted ?? 0, disputed: total?.disputed ?? 0, findings, at: now.toISOString() };
}

/**
 * The AM starts the next draft of a persona from the evidence: a copy of its latest version with the evidence
 * attached, for the AM to edit and propose; the client then reads the evidence beside the proposal. When a draft
 * already exists, the evidence is attached to it instead (one draft at a time).
 */
export async function startDraftFromEvidence(actor: Actor, campaignId: string, personaId: string, now = new Date()) {
  assertCan(actor, "version:draft");
  const persona = await prisma.persona.findFirst({
    where: { id: personaId, campaignId, campaign: campaignScope(actor) },
    select: { id: true, campaign: { select: { id: true, clientCompanyId: true } }, versions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const latest = persona?.versions[0];
  if (!persona || !latest) throw notFound();
  const evidence = await personaEvidence(actor, campaignId, now);
  if (evidence.findings.length === 0) throw new DomainError("INVALID", "dashboards.evidence.nothing");
  const value = evidence as unknown as Prisma.InputJsonValue;
  return prisma.$transaction(async (tx) => {
    let versionId: string;
    let number: number;
    if (latest.status === "DRAFT") {
      await tx.personaVersion.update({ where: { id: latest.id }, data: { evidence: value, revision: { increment: 1 } } });
      versionId = latest.id;
      number = latest.number;
    } else {
      const { id: _id, number: n, status: _s, revision: _r, createdAt: _c, updatedAt: _u, proposedById: _p, proposedAt: _pa, decidedById: _d, decidedAt: _da, decisionComment: _dc, evidence: _e, createdById: _cb, ...content } = latest;
      const created = await tx.personaVersion.create({ data: { ...content, number: n + 1, evidence: value, createdById: actor.userId } });
      versionId = created.id;
      number = created.number;
    }
    await audit(tx, actor, "persona.drafted", { clientCompanyId: persona.campaign.clientCompanyId, campaignId: persona.campaign.id }, { personaId, version: number, fromEvidence: true });
    return { versionId, number };
  });
}
