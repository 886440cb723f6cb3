// Demo reports for the live campaign, through the real use cases: last month's report sent to the client admins
// (readable in the portal, in the outbox with its PDF attached, and as a PDF), this month's draft waiting for review, a monthly schedule.
// Call after seedDemoObjectives: `await seedDemoReports(campaignId)`.
import { prisma } from "~/utils/db.server";
import { actorForUser, type Actor } from "~/utils/auth.server";
import { createDraft, sendReport } from "~/models/reports/reports.server";
import { saveSchedule } from "~/models/reports/schedule.server";
import { defaultReportPeriod } from "~/domain/reports/period";
import { startOfMonth, todayIn } from "~/domain/objectives/dates";
import { SECTION_KEYS } from "~/domain/reports/sections";

export async function seedDemoReports(campaignId: string, origin = process.env.APP_URL ?? "http://localhost:3000") {
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: { accountManagerId: true, clientCompanyId: true, agencyId: true, agency: { select: { timeZone: true } } },
  });
  if (!campaign.accountManagerId || (await prisma.report.count({ where: { campaignId } }))) return 0;
  const am = (await actorForUser(campaign.accountManagerId)) as Actor;
  const today = todayIn(campaign.agency.timeZone);
  const last = defaultReportPeriod(today);
  const sent = await createDraft(am, campaignId, {
    periodStart: last.start, periodEnd: last.end, sections: [...SECTION_KEYS], highlightIds: [], correctionNote: "",
    commentary: "A steady month: more meetings held than in the previous one, and the acceptance rate holds.\n\n- The CFO persona converts best\n- Two opportunities opened",
    highlights: "The pilot with the logistics group is under way.",
    nextSteps: "- Widen the targeting to Hauts-de-France\n- A call review session with the team",
  });
  // The demo agency attaches the PDF: the sent report's email in the outbox carries it, in the reader's language.
  await prisma.agency.update({ where: { id: campaign.agencyId }, data: { reportPdfAttached: true } });
  const admins = await prisma.membership.findMany({ where: { clientCompanyId: campaign.clientCompanyId, role: "CLIENT_ADMIN" }, select: { userId: true } });
  if (admins.length) await sendReport(am, sent.id, admins.map((a) => a.userId), origin);
  const monthStart = startOfMonth(today);
  if (monthStart <= today) {
    await createDraft(am, campaignId, {
      periodStart: monthStart, periodEnd: today, sections: [...SECTION_KEYS], highlightIds: [], correctionNote: "",
      commentary: "", highlights: "", nextSteps: "",
    });
  }
  await saveSchedule(am, campaignId, { cadence: "MONTHLY", monthDay: 1, time: "08:00" });
  return 1;
}
