// Campaign reports: a sent report is frozen and immutable (also in the database), each recipient's language decides
// their email, clients read sent reports of their company only (another company's id is not found), and the
// schedule prepares one draft per period even with two workers.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState } from "../factories";
import { createDraft, getReport, listReports, sendReport, addReportComment } from "~/models/reports/reports.server";
import { runReportSchedules } from "~/models/reports/schedule.server";
import { todayIn, addMonths, startOfMonth, addDays } from "~/domain/objectives/dates";
import { expectDomainError } from "./helpers";

type World = Awaited<ReturnType<typeof createAgencyWithClient>>;
let w: World;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
});

const today = () => todayIn("Europe/Paris");
const form = (start: string, end: string) => ({
  periodStart: start, periodEnd: end, sections: [], highlightIds: [], commentary: "Good month.\n\n- <script>alert(1)</script> more calls", highlights: "", nextSteps: "", correctionNote: "",
});

describe("reports", () => {
  it("sends a frozen report, one email per recipient in their language, immutable also in the database", async () => {
    await prisma.user.update({ where: { id: w.clientAdmin.userId }, data: { locale: "fr" } });
    await prisma.user.update({ where: { id: w.clientMember.userId }, data: { locale: "en" } });
    await createMeetingInState(w, a, "held");
    const start = addDays(today(), -6);
    const draft = await createDraft(w.am, w.campaign.id, form(start, today()));
    const before = await getReport(w.am, draft.id);
    expect(before.status).toBe("DRAFT");
    expect(before.snapshot?.kpis.find((k) => k.key === "MEETINGS_HELD")?.value).toBe(1);
    // A client does not see a draft.
    await expectDomainError(getReport(w.clientAdmin, draft.id), "NOT_FOUND");

    await sendReport(w.am, draft.id, [w.clientAdmin.userId, w.clientMember.userId], "http://portal.test");
    const emails = await prisma.emailOutbox.findMany({ where: { template: "report-sent" }, orderBy: { to: "asc" } });
    expect(emails).toHaveLength(2);
    const fr = emails.find((e) => e.to === w.clientAdmin.email)!;
    const en = emails.find((e) => e.to === w.clientMember.email)!;
    expect(fr.locale).toBe("fr");
    expect(fr.subject).toContain("Rapport de campagne");
    expect(en.locale).toBe("en");
    expect(en.subject).toContain("Campaign report");
    expect(fr.text).toContain(`http://portal.test/campaigns/${w.campaign.id}/reports/${draft.id}`);

    // Frozen: a meeting held later does not change the sent figures.
    await createMeetingInState(w, a, "held");
    const sent = await getReport(w.clientAdmin, draft.id);
    expect(sent.status).toBe("SENT");
    expect(sent.snapshot?.kpis.find((k) => k.key === "MEETINGS_HELD")?.value).toBe(1);
    expect(sent.snapshot?.texts.commentary).toContain("<script>");
    // The client's open is recorded.
    const r = await prisma.reportRecipient.findFirstOrThrow({ where: { reportId: draft.id, userId: w.clientAdmin.userId } });
    expect(r.openedAt).not.toBeNull();

    // The database refuses any change to a sent report, and its deletion.
    await expect(prisma.report.update({ where: { id: draft.id }, data: { commentary: "changed" } })).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe(`UPDATE "Report" SET "snapshot" = '{}' WHERE id = $1`, draft.id)).rejects.toThrow(/cannot change/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "Report" WHERE id = $1`, draft.id)).rejects.toThrow(/cannot be deleted/);
    // Sending again is refused.
    await expectDomainError(sendReport(w.am, draft.id, [w.clientAdmin.userId], "http://portal.test"), "CONFLICT");
  });

  it("refuses a future period and recipients outside the client company; an SDR reads none; another company's report is not found", async () => {
    await expectDomainError(createDraft(w.am, w.campaign.id, form(today(), addDays(today(), 3))), "INVALID");
    const draft = await createDraft(w.am, w.campaign.id, form(addDays(today(), -6), today()));
    await expectDomainError(sendReport(w.am, draft.id, [w.sdr.userId], "http://portal.test"), "INVALID");
    await expectDomainError(listReports(w.sdr, w.campaign.id), "FORBIDDEN");
    await sendReport(w.am, draft.id, [w.clientAdmin.userId], "http://portal.test");
    const other = await createAgencyWithClient();
    await expectDomainError(getReport(other.clientAdmin, draft.id), "NOT_FOUND");
    await expectDomainError(getReport(other.am, draft.id), "NOT_FOUND");
    // Internal notes stay with the agency.
    await addReportComment(w.am, draft.id, { body: "internal only", internal: true });
    await addReportComment(w.clientAdmin, draft.id, { body: "A question", internal: true });
    const seen = await getReport(w.clientMember, draft.id);
    expect(seen.comments.map((c) => c.body)).toEqual(["A question"]);
    expect((await getReport(w.am, draft.id)).comments).toHaveLength(2);
  });

  it("counts the period's ratings and disputes (and nothing outside the period)", async () => {
    await createMeetingInState(w, a, "rated");
    await createMeetingInState(w, a, "disputed");
    await createMeetingInState(w, a, "dispute_upheld");
    await createMeetingInState(w, a, "rated", { hoursFromNow: -24 * 20 });
    const draft = await createDraft(w.am, w.campaign.id, form(addDays(today(), -6), today()));
    const s = (await getReport(w.am, draft.id)).snapshot!;
    expect(s.ratings).toEqual([{ rating: 1, count: 0 }, { rating: 2, count: 2 }, { rating: 3, count: 0 }, { rating: 4, count: 0 }, { rating: 5, count: 1 }]);
    expect(s.disputes).toEqual({ opened: 2, upheld: 1, rejected: 0, pending: 1 });
  });

  it("prepares one draft per period even with two workers, and none for a period without activity", async () => {
    await prisma.campaign.update({ where: { id: w.campaign.id }, data: { startDate: new Date("2020-01-01") } });
    const lastMonthStart = addMonths(startOfMonth(today()), -1);
    const mid = new Date(`${addDays(lastMonthStart, 14)}T10:00:00Z`).getTime();
    await createMeetingInState(w, a, "held", { hoursFromNow: -(Date.now() - mid) / 3600_000 });
    await prisma.reportSchedule.create({ data: { campaignId: w.campaign.id, cadence: "MONTHLY", monthDay: 1, time: "00:00" } });
    const [x, y] = await Promise.all([runReportSchedules(), runReportSchedules()]);
    const drafts = await prisma.report.findMany({ where: { campaignId: w.campaign.id } });
    expect(x + y).toBe(1);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].scheduled).toBe(true);
    expect(drafts[0].status).toBe("DRAFT");
    expect(drafts[0].periodStart.toISOString().slice(0, 10)).toBe(lastMonthStart);
    // The AM is told.
    expect(await prisma.emailOutbox.count({ where: { template: "report-draft-ready", to: w.am.email } })).toBe(1);
    // Run again: the period is claimed, nothing new.
    expect(await runReportSchedules()).toBe(0);
  });
});
