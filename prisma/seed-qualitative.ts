// Demo qualitative objectives for the live campaign, through the real model functions: one O-V-A objective from the
// built-in "qualify the need" template (team, weekly call reviews of each SDR over seven weeks, so the trend shows,
// with meetings as evidence and a recording link), mapped for the calibration against the client's ratings (the
// client rates the SDRs' accepted meetings: the agency reads decision power more generously than the client does);
// one objective of the agency's own for one SDR whose one-to-one is overdue; a self-assessment beside the manager's.
// Call after seedDemoMeetings (and seedPastBillableMeetings): `await seedDemoQualitative(campaignId)`.
import { prisma } from "~/utils/db.server";
import { actorForUser, type Actor } from "~/utils/auth.server";
import { rateMeeting } from "~/models/meetings/review.server";
import { createQualitativeObjective, recordAssessment, setCalibrationMapping } from "~/models/qualitative/qualitative.server";
import { saveAgencyTemplate, templateRowId } from "~/models/qualitative/templates.server";
import { builtInTemplate } from "~/domain/qualitative/templates";
import type { Level } from "~/domain/qualitative/grid";
import { addDays, toDay, todayIn } from "~/domain/objectives/dates";

const H = 3600_000;

/** Levels per week for each SDR (oldest first): the first SDR steady then exemplary, the second one progressing. */
const PROGRESS: Record<"persona_fit" | "decision_power" | "real_need", Level>[][] = [
  [
    { persona_fit: "acquired", decision_power: "acquired", real_need: "emerging" },
    { persona_fit: "acquired", decision_power: "acquired", real_need: "emerging" },
    { persona_fit: "acquired", decision_power: "exemplary", real_need: "acquired" },
    { persona_fit: "exemplary", decision_power: "acquired", real_need: "acquired" },
    { persona_fit: "exemplary", decision_power: "exemplary", real_need: "acquired" },
    { persona_fit: "exemplary", decision_power: "exemplary", real_need: "acquired" },
    { persona_fit: "exemplary", decision_power: "exemplary", real_need: "exemplary" },
  ],
  [
    { persona_fit: "emerging", decision_power: "not_observed", real_need: "not_observed" },
    { persona_fit: "emerging", decision_power: "emerging", real_need: "not_observed" },
    { persona_fit: "acquired", decision_power: "emerging", real_need: "emerging" },
    { persona_fit: "acquired", decision_power: "emerging", real_need: "emerging" },
    { persona_fit: "acquired", decision_power: "acquired", real_need: "emerging" },
    { persona_fit: "acquired", decision_power: "acquired", real_need: "acquired" },
    { persona_fit: "exemplary", decision_power: "acquired", real_need: "acquired" },
  ],
];
const COMMENTS = [
  ["Bonne vérification du poste ; le décideur n'est pas encore identifié.", "Demander « qui d'autre participe à la décision ? » avant le créneau."],
  ["Le besoin est encore supposé : reformuler avec les mots du prospect.", "Réécouter deux appels et noter les reformulations."],
  ["Décideur identifié et invité au rendez-vous : très bien.", "Garder la question sur le calendrier du projet."],
  ["Besoin exprimé par le prospect, enjeu clair dans le brief.", "Partager cet appel en séance d'équipe."],
];

/** Seeds the campaign's qualitative objectives; returns how many assessments were recorded (0 when already there). */
export async function seedDemoQualitative(campaignId: string) {
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: {
      accountManagerId: true, agency: { select: { timeZone: true } }, assignments: { orderBy: { createdAt: "asc" }, select: { userId: true } },
      clientCompany: { select: { memberships: { select: { userId: true, role: true } } } },
    },
  });
  const memberId = campaign.clientCompany.memberships.find((m) => m.role === "CLIENT_MEMBER")?.userId;
  if (!campaign.accountManagerId || campaign.assignments.length < 2 || !memberId) return 0;
  if (await prisma.objective.count({ where: { campaignId, kind: "QUALITATIVE" } })) return 0;
  const am = (await actorForUser(campaign.accountManagerId)) as Actor;
  const clientMember = (await actorForUser(memberId)) as Actor;
  const sdrs = (await Promise.all(campaign.assignments.slice(0, 2).map((a) => actorForUser(a.userId)))) as Actor[];
  const today = todayIn(campaign.agency.timeZone);

  // The client rates the SDRs' held meetings it had not rated yet (persona right, decision power lower than the agency reads it).
  const held = await prisma.meeting.findMany({
    where: { campaignId, status: "HELD", verdict: { not: "DISPUTE_UPHELD" }, scheduledAt: { lt: new Date() } },
    orderBy: { scheduledAt: "asc" },
    select: { id: true, sdrId: true, scheduledAt: true, ratedAt: true, verdict: true },
  });
  let k = 0;
  for (const m of held) {
    if (m.ratedAt || m.verdict !== "ACCEPTED") continue;
    k += 1;
    await rateMeeting(clientMember, m.id, { ratingOverall: 4, ratingPersonaFit: 4 + (k % 2), ratingDecisionPower: 2 + (k % 2), ratingRealNeed: 3 + (k % 3 === 0 ? 1 : 0), ratingBriefing: 4 }, undefined, new Date(m.scheduledAt.getTime() + 3 * H));
  }
  const rated = await prisma.meeting.findMany({ where: { id: { in: held.map((m) => m.id) }, ratedAt: { not: null } }, orderBy: { scheduledAt: "asc" }, select: { id: true, sdrId: true, scheduledAt: true } });

  // 1. From the library: qualify persona, decision power and need before booking; weekly call reviews.
  const tpl = builtInTemplate("qualify_need")!;
  const start = addDays(today, -49);
  const listening = await createQualitativeObjective(am, campaignId, {
    ...tpl.fr, need: "Deux contestations en novembre sur le pouvoir de décision ; les notes du client sur ce critère restent basses.",
    stake: "PROFITABILITY", ritual: tpl.ritual, cadence: tpl.cadence, sdrId: null, startsOn: start, supportsMetric: "ACCEPTANCE_RATE",
    templateId: await templateRowId(am, `builtin:${tpl.key}`, "fr"),
  });
  await setCalibrationMapping(am, listening.id, [
    { agency: "persona_fit", client: "persona_fit" },
    { agency: "decision_power", client: "decision_power" },
    { agency: "real_need", client: "real_need" },
  ]);
  const used = new Set<string>();
  let n = 0;
  for (let week = 0; week < 7; week++) {
    const day = addDays(today, -44 + week * 7);
    for (const [s, sdr] of sdrs.entries()) {
      const evidence = rated.filter((m) => m.sdrId === sdr.userId && !used.has(m.id) && toDay(m.scheduledAt) <= day).slice(0, 2).map((m) => m.id);
      evidence.forEach((id) => used.add(id));
      const [comment, nextStep] = COMMENTS[(week + s) % COMMENTS.length]!;
      await recordAssessment(am, listening.id, {
        sdrId: sdr.userId, kind: "MANAGER", ritual: "CALL_REVIEW", day, levels: PROGRESS[s]![week]!, meetingIds: evidence,
        recordingUrl: evidence.length ? `https://enregistrements.example/appels/${evidence[0]}` : null, recordingAt: evidence.length ? 760 : null,
        note: evidence.length ? "Écoute de l'appel avec le SDR." : "", comment, nextStep,
      });
      n += 1;
    }
  }
  // The first SDR's self-assessment, beside the manager's latest.
  await recordAssessment(sdrs[0]!, listening.id, {
    sdrId: sdrs[0]!.userId, kind: "SELF", ritual: "CALL_REVIEW", day: addDays(today, -1), levels: { persona_fit: "exemplary", decision_power: "acquired", real_need: "acquired" },
    meetingIds: [], comment: "Je pose la question du décideur systématiquement ; le calendrier du projet m'échappe encore.",
  });
  n += 1;

  // 2. The agency's own objective for the second SDR: one-to-ones every two weeks, the last one three weeks ago (overdue).
  const levels = (not_observed: string, emerging: string, acquired: string, exemplary: string) => ({ not_observed, emerging, acquired, exemplary });
  const rephrase = await createQualitativeObjective(am, campaignId, {
    title: "Structurer la découverte en quatre questions",
    need: "Les briefs d'Inès laissent souvent vides le budget et le calendrier ; le client le signale dans ses notes.",
    verb: "Structurer chaque découverte autour du besoin, du contexte, du budget et du calendrier",
    behaviours: ["Pose les quatre questions de découverte", "Remplit les quatre champs du brief avec les mots du prospect"],
    stake: "RETENTION", ritual: "ONE_TO_ONE", cadence: "BIWEEKLY", sdrId: sdrs[1]!.userId, startsOn: addDays(today, -48), supportsMetric: "AVERAGE_RATING",
    grid: {
      criteria: [
        { key: "questions", label: "Questions de découverte", levels: levels("Aucune question de découverte", "Une ou deux questions", "Les quatre questions posées", "Les quatre, avec relances sur les réponses") },
        { key: "brief", label: "Brief complet", levels: levels("Champs vides", "Champs remplis en partie", "Les quatre champs remplis", "Remplis avec les mots du prospect") },
      ],
    },
  });
  for (const [i, day] of [addDays(today, -34), addDays(today, -20)].entries()) {
    await recordAssessment(am, rephrase.id, {
      sdrId: sdrs[1]!.userId, kind: "MANAGER", ritual: "ONE_TO_ONE", day, levels: i ? { questions: "acquired", brief: "emerging" } : { questions: "emerging", brief: "emerging" },
      meetingIds: [], comment: i ? "Les questions sont là ; le brief reste incomplet." : "Découverte trop courte.", nextStep: "Relire le brief avant de l'envoyer.",
    });
    n += 1;
  }
  // A template of the agency's own, beside the library.
  await saveAgencyTemplate(am, null, {
    locale: "fr", title: "Préparer la passation au commercial du client", need: "Les commerciaux d'Acme découvrent le contexte du prospect en début de rendez-vous.",
    verb: "Formaliser en trois lignes le contexte, l'enjeu et la question à poser au rendez-vous", behaviours: "Résume le contexte en trois lignes\nNomme l'enjeu du prospect\nPropose la première question au commercial",
    ritual: "HOT_DEBRIEF", cadence: "WEEKLY",
    criteria: [{ label: "Passation", not_observed: "Aucune note de passation", emerging: "Des notes brutes, sans enjeu", acquired: "Contexte et enjeu en trois lignes", exemplary: "Contexte, enjeu et première question, relus par le commercial" }],
  });
  return n;
}
