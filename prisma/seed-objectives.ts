// Demo objectives for the live campaign, through the real domain functions: a month of activity for every SDR (one
// ramping), team and per-SDR objectives, one on track and one off track with its gap analysis and an open action,
// and a target changed once with its reason. Call after seedDemoMeetings: `await seedDemoObjectives(campaignId)`.
import { prisma } from "~/utils/db.server";
import { actorForUser, type Actor } from "~/utils/auth.server";
import { recordActivityWeek } from "~/models/objectives/activity.server";
import { addDayOff, applySplit, setMaturity } from "~/models/objectives/team.server";
import { addGapAnalysis, changeTarget, createObjective, getObjective } from "~/models/objectives/objectives.server";
import { objectiveSchema } from "~/domain/objectives/schemas";
import { addDays, todayIn, weekday } from "~/domain/objectives/dates";

/** A deterministic sequence, so every demo looks the same. */
function wave(seed: number) {
  let x = seed;
  return () => ((x = (x * 9301 + 49297) % 233280) / 233280);
}

export async function seedDemoObjectives(campaignId: string) {
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: { startDate: true, accountManagerId: true, assignments: { orderBy: { createdAt: "asc" }, select: { userId: true } } },
  });
  if (!campaign.accountManagerId || campaign.assignments.length < 2) return 0;
  const am = (await actorForUser(campaign.accountManagerId)) as Actor;
  const [senior, ramping] = campaign.assignments.map((a) => a.userId);
  const today = todayIn("Europe/Paris");

  await setMaturity(am, campaignId, { sdrId: senior, maturity: "SENIOR" });
  await setMaturity(am, campaignId, { sdrId: ramping, maturity: "RAMPING", rampUntil: addDays(today, 10) });
  const christmas = `${today.slice(0, 4)}-12-25`;
  await addDayOff(am, campaignId, { day: christmas, label: "Noël" });

  // A month of activity: the senior SDR steady, the ramping one growing from a low start.
  const rand = wave(7);
  for (const [sdrId, base, growth] of [[senior, 70, 0], [ramping, 25, 1.2]] as const) {
    const rows = [];
    for (let i = 30; i >= 0; i -= 1) {
      const day = addDays(today, -i);
      if (weekday(day) > 4 || day === christmas) continue;
      const dials = Math.round(base + growth * (30 - i) + rand() * 20);
      const conversations = Math.round(dials * (0.12 + rand() * 0.06));
      rows.push({ day, dials, conversations, emails: Math.round(15 + rand() * 20), linkedinMessages: Math.round(5 + rand() * 10) });
    }
    await recordActivityWeek(am, campaignId, sdrId, rows);
  }

  const start = campaign.startDate ? campaign.startDate.toISOString().slice(0, 10) : addDays(today, -60);
  const input = (over: Record<string, string>) =>
    objectiveSchema.parse({ scope: "TEAM", periodKind: "CAMPAIGN", startsOn: start, stake: "GROWTH", ...over });

  // On track: the show rate, read against its target directly.
  const show = await createObjective(am, campaignId, input({ metric: "SHOW_RATE", target: "70", stake: "PROFITABILITY", why: "Des rendez-vous qui ont lieu : confirmation la veille et ordre du jour clair." }));
  const showPace = (await getObjective(am, show.id)).objective.pace;
  if (showPace.actual !== null) await prisma.objective.update({ where: { id: show.id }, data: { target: Math.max(5, Math.floor(showPace.actual * 0.9)) } });

  // Off track: dials over the campaign, about 70 % of the expected pace; a gap analysis with an open action.
  const dials = await createObjective(am, campaignId, input({ metric: "DIALS", target: "1000", why: "Le volume d'appels structure la montée en charge et alimente tout l'entonnoir." }));
  const dialsPace = (await getObjective(am, dials.id)).objective.pace;
  if (dialsPace.elapsedDays > 0) {
    const target = Math.round(((dialsPace.actual ?? 0) * dialsPace.totalDays) / dialsPace.elapsedDays / 0.7);
    await prisma.objective.update({ where: { id: dials.id }, data: { target: Math.max(target, 100) } });
  }
  await addGapAnalysis(am, dials.id, {
    lever: "CHANNEL_MIX",
    diagnosis: "La moitié des cibles ne décroche jamais au téléphone : le volume stagne malgré les créneaux bloqués.",
    action: "Ajouter un message LinkedIn personnalisé avant chaque appel et tester les créneaux de 8 h 30.",
    ownerId: am.userId,
    dueDate: addDays(today, 7),
  });
  await addGapAnalysis(am, dials.id, {
    lever: "WORKLOAD",
    diagnosis: "Lucas passait une heure par jour à la saisie dans le CRM.",
    action: "Import automatique des appels depuis le dialer.",
    ownerId: am.userId,
    dueDate: addDays(today, -3),
  });
  const done = await prisma.gapAnalysis.findFirstOrThrow({ where: { objectiveId: dials.id, lever: "WORKLOAD" } });
  await prisma.gapAnalysis.update({ where: { id: done.id }, data: { status: "DONE", doneAt: new Date() } });

  // Split the dials among the SDRs by maturity (the ramping SDR gets less).
  const weights = { [senior]: 120, [ramping]: 50 };
  const teamTarget = (await prisma.objective.findUniqueOrThrow({ where: { id: dials.id } })).target ?? 0;
  const seniorShare = Math.round((teamTarget * weights[senior]) / (weights[senior] + weights[ramping]));
  await applySplit(am, dials.id, [{ sdrId: senior, target: seniorShare }, { sdrId: ramping, target: teamTarget - seniorShare }]);

  // Quality for the senior, activity for the ramping SDR (OBJECTIVES.md).
  await createObjective(am, campaignId, input({ metric: "ACCEPTANCE_RATE", target: "75", scope: "SDR", sdrId: senior, stake: "PROFITABILITY", why: "Des rendez-vous qualifiés plutôt que du volume." }));
  await createObjective(am, campaignId, input({ metric: "CONVERSATIONS", target: "120", scope: "SDR", sdrId: ramping, periodKind: "MONTH", recurring: "on", startsOn: today, why: "Structurer l'activité pendant la montée en compétence." }));

  // A monthly team target, changed once with its reason.
  const booked = await createObjective(am, campaignId, input({ metric: "MEETINGS_BOOKED", target: "40", periodKind: "MONTH", recurring: "on", startsOn: today, why: "Trente nouveaux comptes logistiques ce trimestre." }));
  await changeTarget(am, booked.id, { target: 30, reason: "Fermeture de fin d'année : deux semaines ouvrées en moins en décembre." });
  return 6;
}
