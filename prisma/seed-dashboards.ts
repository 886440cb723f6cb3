// Months of history for the live campaigns, so the Overview's charts, the portfolio and the persona evidence say
// something true (issue 12, "In the demo"): about five months of meetings in every state, weekly activity, two
// personas on the Île-de-France campaign, disputes on more than one criterion, accepted and disputed meetings whose
// prospects differ (industry, size, title) the way a real campaign's do. Bulk inserts (createMany: one statement per
// table, the rollup's statement-level triggers keep up), deterministic, idempotent.
// Call after seedDemoMeetings and before seedDemoObjectives (the objectives are calibrated on the whole history).
//
// The history is not billed: these meetings have no ledger items (the demo's invoices come from
// seedPastBillableMeetings), as if billing had been switched on recently.
import { randomUUID } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { actorForUser, type Actor } from "~/utils/auth.server";
import { addDays, startOfWeek, todayIn, weekday } from "~/domain/objectives/dates";
import { approveVersion, proposeVersion } from "~/models/agreement/decisions.server";
import { createPersona } from "~/models/agreement/drafts.server";
import { personaInput } from "../tests/factories";
import type { Prisma } from "~/generated/prisma/client";

const H = 3600_000;
const D = 24 * H;
const ORIGIN = process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`;

/** A deterministic sequence, so every demo looks the same. */
function wave(seed: number) {
  let x = seed;
  return () => ((x = (x * 9301 + 49297) % 233280) / 233280);
}

type Profile = {
  /** Industry, company-size band, country, with the client's acceptance odds for that kind of prospect. */
  segments: { industry: string; size: string; country: string; odds: number; weight: number }[];
  /** Job titles: `senior` titles decide, the others often do not (disputes on the decision criterion). */
  titles: { title: string; senior: boolean; weight: number }[];
  companies: string[];
  first: string[];
  last: string[];
  timeZone: string;
  /** Meetings a week at full speed. */
  perWeek: number;
  months: number;
};

const FR: Profile = {
  segments: [
    { industry: "Logistique", size: "501-1000", country: "FR", odds: 0.82, weight: 5 },
    { industry: "Agroalimentaire", size: "201-500", country: "FR", odds: 0.72, weight: 4 },
    { industry: "Industrie manufacturière", size: "1001-5000", country: "FR", odds: 0.7, weight: 4 },
    { industry: "Pharmacie et cosmétique", size: "501-1000", country: "FR", odds: 0.78, weight: 2 },
    { industry: "Distribution spécialisée", size: "51-200", country: "FR", odds: 0.3, weight: 3 },
    { industry: "Retail", size: "51-200", country: "BE", odds: 0.22, weight: 2 },
  ],
  titles: [
    { title: "Directeur supply chain", senior: true, weight: 5 },
    { title: "Directrice logistique", senior: true, weight: 4 },
    { title: "Directeur des opérations", senior: true, weight: 3 },
    { title: "Responsable entrepôt", senior: false, weight: 3 },
    { title: "Chef de projet logistique", senior: false, weight: 2 },
    { title: "Responsable des approvisionnements", senior: false, weight: 2 },
  ],
  companies: ["Groupe Vernet", "Saveurs d'Antan", "Lumen Pharma", "Métallerie Duval", "Transports Morel", "Biscuiterie Lenoir", "Cosmétiques Arlette", "Plasturgie Bonnet", "Maison Carré", "Frigo Nord", "Laboratoires Sénac", "Papeteries Vidal", "Comptoir Delmas", "Entrepôts Garnier"],
  first: ["Camille", "Nicolas", "Élodie", "Julien", "Claire", "Antoine", "Sophie", "Mathieu", "Laure", "Karim", "Aurélie", "Pierre"],
  last: ["Fontaine", "Garnier", "Marchand", "Robin", "Dubois", "Lemoine", "Chevalier", "Perrin", "Renaud", "Benali", "Colin", "Faure"],
  timeZone: "Europe/Paris",
  perWeek: 11,
  months: 5,
};

const DE: Profile = {
  segments: [
    { industry: "Software", size: "201-500", country: "DE", odds: 0.8, weight: 5 },
    { industry: "Professional services", size: "501-1000", country: "DE", odds: 0.68, weight: 3 },
    { industry: "Industrial machinery", size: "1001-5000", country: "AT", odds: 0.64, weight: 3 },
    { industry: "Retail", size: "51-200", country: "CH", odds: 0.28, weight: 2 },
  ],
  titles: [
    { title: "CFO", senior: true, weight: 5 },
    { title: "VP Finance", senior: true, weight: 3 },
    { title: "Head of Finance", senior: true, weight: 3 },
    { title: "Finance Manager", senior: false, weight: 3 },
    { title: "Controller", senior: false, weight: 2 },
  ],
  companies: ["Brenner Maschinenbau", "Alpentech", "Keller & Söhne", "Nordlicht Software", "Bergmann Beratung", "Huber Systeme", "Zeller AG", "Steiner Logistik", "Wolf Analytics", "Rhein Partner"],
  first: ["Sarah", "Markus", "Thomas", "Julia", "Stefan", "Anna", "Lukas", "Katrin", "Florian", "Miriam"],
  last: ["Weber", "Vogel", "Keller", "Schneider", "Fischer", "Hoffmann", "Bauer", "Wagner", "Koch", "Richter"],
  timeZone: "Europe/Berlin",
  perWeek: 6,
  months: 4,
};

function pick<T extends { weight: number }>(rand: () => number, xs: T[]) {
  const total = xs.reduce((s, x) => s + x.weight, 0);
  let r = rand() * total;
  for (const x of xs) if ((r -= x.weight) < 0) return x;
  return xs[xs.length - 1];
}

const slug = (s: string) => s.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "");

/**
 * Seeds months of history on an ACTIVE campaign with an approved persona and definition (moving its start back to
 * the history's first week when it started later); returns the number of meetings written (0 on a second run).
 */
export async function seedDemoDashboards(campaignId: string, now = new Date()) {
  if (await prisma.meeting.count({ where: { campaignId, externalId: { startsWith: "hist-" } } })) return 0;
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    include: {
      agency: { select: { timeZone: true } },
      assignments: { orderBy: { createdAt: "asc" }, select: { userId: true } },
      clientCompany: { include: { memberships: { select: { userId: true, role: true } } } },
    },
  });
  const definition = await prisma.definitionVersion.findFirst({
    where: { status: "APPROVED", definition: { campaignId } },
    orderBy: { number: "desc" },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  const adminId = campaign.clientCompany.memberships.find((m) => m.role === "CLIENT_ADMIN")?.userId;
  const memberId = campaign.clientCompany.memberships.find((m) => m.role === "CLIENT_MEMBER")?.userId;
  const amId = campaign.accountManagerId ?? campaign.clientCompany.accountManagerId;
  const sdrs = campaign.assignments.map((a) => a.userId);
  if (!definition || campaign.status !== "ACTIVE" || !sdrs.length || !adminId || !memberId || !amId) return 0;
  const english = campaign.clientCompany.currency !== "EUR" || campaign.name.includes("DACH");
  const profile = english ? DE : FR;
  const rand = wave(english ? 11 : 5);

  // A second persona, approved by the client some weeks in (French campaign): results by persona have two lines.
  const personas = await ensurePersonas(campaignId, amId, adminId, english);
  if (!personas.length) return 0;

  const today = todayIn(campaign.agency.timeZone, now);
  const first = startOfWeek(addDays(today, -Math.round(profile.months * 30.4)));
  const start = campaign.startDate?.toISOString().slice(0, 10);
  if (!start || start > first) await prisma.campaign.update({ where: { id: campaignId }, data: { startDate: new Date(`${first}T00:00:00Z`) } });

  const decider = definition.criteria.find((c) => c.key === "decision_maker") ?? definition.criteria[0];
  const others = definition.criteria.filter((c) => c.id !== decider.id);
  const meetings: Prisma.MeetingCreateManyInput[] = [];
  const checks: Prisma.MeetingCriterionCheckCreateManyInput[] = [];
  const disputes: Prisma.MeetingDisputeItemCreateManyInput[] = [];
  const weeks = Math.ceil((Date.parse(today) - Date.parse(first)) / (7 * D));
  let n = 0;
  for (let w = 0; w < weeks; w += 1) {
    // Ramp-up over the first month, a dip in the summer weeks and the last week of the year, noise.
    const monday = addDays(first, w * 7);
    const month = monday.slice(5, 7);
    const ramp = Math.min(1, 0.35 + w * 0.16);
    const season = month === "08" || monday.slice(5) >= "12-21" ? 0.6 : 1;
    const count = Math.max(1, Math.round(profile.perWeek * ramp * season * (0.75 + rand() * 0.5)));
    for (let k = 0; k < count; k += 1) {
      const day = addDays(monday, Math.floor(rand() * 5));
      if (day >= today || weekday(day) > 4) continue;
      const hour = 8 + Math.floor(rand() * 9);
      const scheduledAt = new Date(`${day}T${String(hour).padStart(2, "0")}:${rand() < 0.5 ? "00" : "30"}:00Z`);
      const createdAt = new Date(scheduledAt.getTime() - (2 + Math.floor(rand() * 9)) * D - Math.floor(rand() * 8) * H);
      const seg = pick(rand, profile.segments);
      const title = pick(rand, profile.titles);
      // The second persona (when there is one) books from its approval on, about a third of the meetings.
      const persona = personas.length > 1 && w >= 6 && rand() < 0.35 ? personas[1] : personas[0];
      const company = profile.companies[Math.floor(rand() * profile.companies.length)];
      const name = `${profile.first[Math.floor(rand() * profile.first.length)]} ${profile.last[Math.floor(rand() * profile.last.length)]}`;
      const id = randomUUID();
      const age = (now.getTime() - scheduledAt.getTime()) / D;
      const sdrId = sdrs[n % sdrs.length];
      const channel = english || rand() < 0.6 ? "VIDEO" : rand() < 0.5 ? "PHONE" : "ON_SITE";
      n += 1;

      // What happened: cancelled, no-show, or held; a held meeting is accepted, disputed or (recent) waiting.
      const r = rand();
      const status = r < 0.07 ? "CANCELLED" : r < 0.17 ? "NO_SHOW" : "HELD";
      let verdict: "PENDING" | "ACCEPTED" | "DISPUTED" | "DISPUTE_UPHELD" | "DISPUTE_REJECTED" = "PENDING";
      const odds = seg.odds * (title.senior ? 1.05 : 0.6) * persona.quality;
      const held = status === "HELD";
      const decided = held && age > 6;
      if (decided) verdict = rand() < odds ? "ACCEPTED" : age < 20 && rand() < 0.4 ? "DISPUTED" : rand() < 0.55 ? "DISPUTE_UPHELD" : "DISPUTE_REJECTED";
      const disputed = verdict !== "PENDING" && verdict !== "ACCEPTED";
      const rated = held && (decided || rand() < 0.4);
      const score = (base: number) => Math.max(1, Math.min(5, Math.round(base + (rand() - 0.5) * 2)));
      const good = verdict === "ACCEPTED" || (!disputed && rand() < 0.7);
      const opportunity = verdict === "ACCEPTED" && rand() < 0.45;
      const at = (days: number) => new Date(scheduledAt.getTime() + days * D);
      meetings.push({
        id,
        agencyId: campaign.agencyId,
        clientCompanyId: campaign.clientCompanyId,
        campaignId,
        sdrId,
        createdById: sdrId,
        personaVersionId: persona.id,
        definitionVersionId: definition.id,
        externalId: `hist-${n}`,
        prospectName: name,
        prospectTitle: title.title,
        prospectEmail: `${slug(name.split(" ")[0])}.${slug(name.split(" ")[1])}.${n}@${slug(company)}.example`,
        prospectCompany: company,
        prospectDomain: `${slug(company)}.example`,
        prospectCompanySize: seg.size,
        prospectIndustry: seg.industry,
        prospectCountry: seg.country,
        scheduledAt,
        timeZone: profile.timeZone,
        durationMinutes: rand() < 0.7 ? 45 : 30,
        channel,
        location: channel === "VIDEO" ? `https://meet.example/h-${n}` : channel === "PHONE" ? "+33 1 84 60 00 00" : `Siège ${company}`,
        clientAttendeeId: memberId,
        discoveryNeed: english ? "Month-end close is slow; approvals happen in email threads." : "Erreurs de préparation et stocks peu fiables aux pics d'activité.",
        discoveryContext: english ? "Finance team of five, growing." : "Deux entrepôts, un troisième prévu.",
        discoveryTimeline: english ? "Within the year." : "Dans l'année.",
        status,
        statusChangedAt: at(0.1),
        reviewDueAt: held ? at(5) : null,
        ratingOverall: rated ? score(good ? 4.4 : 2) : null,
        ratingPersonaFit: rated ? score(good ? 4.2 : seg.odds < 0.4 ? 1.8 : 3) : null,
        ratingDecisionPower: rated ? score(title.senior ? 4.3 : 2.2) : null,
        ratingRealNeed: rated ? score(good ? 4 : 2.6) : null,
        ratingBriefing: rated ? score(3.9) : null,
        ratedById: rated ? memberId : null,
        ratedAt: rated ? at(0.3) : null,
        verdict,
        verdictById: verdict === "PENDING" ? null : adminId,
        verdictAt: verdict === "PENDING" ? null : at(1 + rand() * 3),
        resolutionReasoning: verdict === "DISPUTE_UPHELD" ? (english ? "Agreed: not the decision maker." : "D'accord : l'interlocuteur ne décide pas.") : verdict === "DISPUTE_REJECTED" ? (english ? "The call shows the criterion was met." : "L'enregistrement montre que le critère est rempli.") : null,
        resolvedById: verdict === "DISPUTE_UPHELD" || verdict === "DISPUTE_REJECTED" ? amId : null,
        resolvedAt: verdict === "DISPUTE_UPHELD" || verdict === "DISPUTE_REJECTED" ? at(5) : null,
        opportunityCreated: verdict === "ACCEPTED" ? opportunity : null,
        pipelineValue: opportunity ? (15 + Math.floor(rand() * 120)) * 100_000 : null,
        won: opportunity && age > 45 ? rand() < 0.3 : null,
        outcomeUpdatedAt: verdict === "ACCEPTED" ? at(10) : null,
        createdAt,
        updatedAt: verdict === "PENDING" ? at(0.3) : at(5),
      });
      for (const c of definition.criteria) checks.push({ meetingId: id, criterionId: c.id, met: true });
      if (disputed) {
        // Titles without decision power are disputed on the decision criterion; the rest on another one.
        const criterion = !title.senior || rand() < 0.25 ? decider : others[Math.floor(rand() * others.length)] ?? decider;
        disputes.push({ meetingId: id, criterionId: criterion.id, reason: disputeReason(criterion.key, english), createdAt: at(1) });
        if (rand() < 0.2 && criterion.id !== decider.id) disputes.push({ meetingId: id, criterionId: decider.id, reason: disputeReason(decider.key, english), createdAt: at(1) });
      }
    }
  }
  // Weekly activity for every SDR over the history (the objectives' seed rewrites the last month through the app).
  const activity: Prisma.ActivityDayCreateManyInput[] = [];
  for (const [i, sdrId] of sdrs.entries()) {
    for (let d = first; d < today; d = addDays(d, 1)) {
      if (weekday(d) > 4) continue;
      const dials = Math.round((english ? 45 : 60) - i * 12 + rand() * 25);
      activity.push({
        agencyId: campaign.agencyId, campaignId, sdrId, day: new Date(`${d}T00:00:00Z`), dials,
        conversations: Math.round(dials * (0.11 + rand() * 0.06)), emails: Math.round(12 + rand() * 20), linkedinMessages: Math.round(4 + rand() * 10),
      });
    }
  }
  await prisma.meeting.createMany({ data: meetings });
  await prisma.meetingCriterionCheck.createMany({ data: checks });
  await prisma.meetingDisputeItem.createMany({ data: disputes });
  await prisma.activityDay.createMany({ data: activity, skipDuplicates: true });
  return meetings.length;
}

function disputeReason(key: string, english: boolean) {
  const fr: Record<string, string> = {
    decision_maker: "Il prescrit mais ne décide pas : c'est la direction qui signe.",
    company_size: "L'entreprise est en dessous de la taille convenue.",
    need: "Aucun besoin exprimé pendant le rendez-vous.",
    timeline: "Pas de projet avant 2028.",
  };
  const en: Record<string, string> = {
    decision_maker: "Not the decision maker: the CFO signs.",
    company_size: "Below the agreed company size.",
    need: "No need expressed during the meeting.",
    timeline: "No project before 2028.",
  };
  return (english ? en : fr)[key] ?? (english ? "Criterion not met." : "Critère non rempli.");
}

/** The campaign's approved persona versions to book under; adds a second, approved persona on the French campaign. */
async function ensurePersonas(campaignId: string, amId: string, clientAdminId: string, english: boolean) {
  const approved = () =>
    prisma.personaVersion.findMany({ where: { status: "APPROVED", persona: { campaignId } }, orderBy: [{ persona: { createdAt: "asc" } }, { number: "desc" }], select: { id: true, personaId: true } });
  let versions = await approved();
  if (!versions.length) return [];
  if (!english && new Set(versions.map((v) => v.personaId)).size < 2) {
    const am = (await actorForUser(amId)) as Actor;
    const client = (await actorForUser(clientAdminId)) as Actor;
    const { version } = await createPersona(am, campaignId, personaInput({
      name: "Responsables des opérations — distribution spécialisée",
      jobTitles: ["Directeur des opérations", "Responsable entrepôt", "Responsable des approvisionnements"],
      seniorities: ["DIRECTOR", "HEAD", "MANAGER"],
      departments: ["Opérations"],
      industries: ["Distribution spécialisée", "Retail"],
      companySizeMin: 50,
      companySizeMax: 1000,
      geographies: ["Île-de-France", "Belgique"],
      exclusions: [],
      pains: "Préparation des commandes magasin et web sur deux outils ; pics de Noël mal absorbés.",
      pitch: "Un WMS unique pour les magasins et le web, en place avant le pic de fin d'année.",
    }));
    await proposeVersion(am, campaignId, "persona", version.id, version.revision, ORIGIN);
    await approveVersion(client, campaignId, "persona", version.id, version.revision + 1, "D'accord pour tester ce segment.", ORIGIN);
    versions = await approved();
  }
  // One version per persona (the latest approved), the first persona's first; the second targets a harder segment.
  const seen = new Set<string>();
  return versions
    .filter((v) => (seen.has(v.personaId) ? false : (seen.add(v.personaId), true)))
    .map((v, i) => ({ id: v.id, quality: i === 0 ? 1 : 0.8 }));
}
