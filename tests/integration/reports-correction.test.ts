// A sent report's corrected version, end to end: it keeps the first (still readable, unchanged), says what changed (the
// AM's note, required, and the key figures that differ from the first's frozen ones), goes by default to the first's
// readers, each in their language, and is linked both ways once sent (clients never see the correction's draft).
// A sent report's PDF is rendered once per language and kept: the download then reads that row (decision 0064).
import { prisma } from "~/utils/db.server";
import {
  createDraft, getReport, getReportPdf, listReports, recipientChoices, saveDraft, sendReport, startCorrection,
} from "~/models/reports/reports.server";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState } from "../factories";
import { expectDomainError } from "./helpers";

const today = () => todayIn("Europe/Paris");
const form = (over: Record<string, string> = {}) => ({
  periodStart: addDays(today(), -6), periodEnd: today(), sections: [], highlightIds: [], commentary: "A steady week.", highlights: "", nextSteps: "", correctionNote: "",
  ...over,
});
const held = (s: { kpis: { key: string; value: number | null }[] } | null) => s?.kpis.find((k) => k.key === "MEETINGS_HELD")?.value;

describe("a corrected version of a sent report", () => {
  it("keeps the first, says what changed, goes to the first's readers in their language, links both ways", async () => {
    const w = await createAgencyWithClient();
    const a = await createActiveCampaignWithAgreement(w);
    await prisma.user.update({ where: { id: w.clientAdmin.userId }, data: { locale: "fr" } });
    await createMeetingInState(w, a, "held");
    const first = await createDraft(w.am, w.campaign.id, form());
    await sendReport(w.am, first.id, [w.clientAdmin.userId], "http://portal.test");

    // A meeting the first report missed; the AM writes the corrected version.
    await createMeetingInState(w, a, "held");
    const fix = await startCorrection(w.am, first.id);
    expect(fix.id).not.toBe(first.id);
    // Asking again gives the same draft, not a second correction.
    expect((await startCorrection(w.am, first.id)).id).toBe(fix.id);
    const draft = await getReport(w.am, fix.id);
    expect(draft.status).toBe("DRAFT");
    expect(draft.corrects?.id).toBe(first.id);
    expect(held(draft.snapshot)).toBe(2);
    expect(draft.snapshot?.changes).toEqual([
      expect.objectContaining({ key: "MEETINGS_BOOKED", from: 1, to: 2 }),
      expect.objectContaining({ key: "MEETINGS_HELD", from: 1, to: 2 }),
    ]);

    // The client sees neither the draft nor a link to it; the agency does.
    await expectDomainError(getReport(w.clientAdmin, fix.id), "NOT_FOUND");
    expect((await getReport(w.clientAdmin, first.id)).correctedById).toBeNull();
    expect((await getReport(w.am, first.id)).correctedById).toBe(fix.id);
    expect((await listReports(w.clientAdmin, w.campaign.id)).map((r) => r.id)).toEqual([first.id]);

    // It goes by default to whoever received the first (here the client admin only, not the client member).
    const choices = await recipientChoices(w.am, w.campaign.id, first.id);
    expect(choices.filter((c) => c.byDefault).map((c) => c.id)).toEqual([w.clientAdmin.userId]);

    // Sending it needs a note of what changed.
    await expectDomainError(sendReport(w.am, fix.id, [w.clientAdmin.userId], "http://portal.test"), "INVALID");
    await saveDraft(w.am, fix.id, form({ correctionNote: "One meeting of Tuesday was missing." }));
    await sendReport(w.am, fix.id, [w.clientAdmin.userId], "http://portal.test", new Date(), { correctionNote: "Un rendez-vous de mardi manquait." });

    const email = await prisma.emailOutbox.findFirstOrThrow({ where: { template: "report-sent", to: w.clientAdmin.email }, orderBy: { createdAt: "desc" } });
    expect(email.locale).toBe("fr");
    expect(email.subject).toMatch(/corrig/i);
    expect(email.text).toContain("Un rendez-vous de mardi manquait.");
    expect(email.text).toMatch(/Rendez-vous tenus\u202f: 1 → 2/);
    expect(email.text).toContain(`/campaigns/${w.campaign.id}/reports/${fix.id}`);

    // Both readable by the client, linked both ways; the first is unchanged.
    const firstNow = await getReport(w.clientAdmin, first.id);
    expect(held(firstNow.snapshot)).toBe(1);
    expect(firstNow.correctedById).toBe(fix.id);
    const sent = await getReport(w.clientAdmin, fix.id);
    expect(sent.status).toBe("SENT");
    expect(sent.corrects?.id).toBe(first.id);
    expect(sent.correctionNote).toBe("Un rendez-vous de mardi manquait.");
    expect((await listReports(w.clientAdmin, w.campaign.id)).map((r) => [r.id, r.correctedById])).toEqual(
      expect.arrayContaining([[first.id, fix.id], [fix.id, null]]),
    );
    // The correction is frozen like any sent report, and cannot itself be corrected twice over the same first.
    await expect(prisma.$executeRawUnsafe(`UPDATE "Report" SET "correctionNote" = 'x' WHERE id = $1`, fix.id)).rejects.toThrow(/cannot change/);
    await expectDomainError(sendReport(w.am, fix.id, [w.clientAdmin.userId], "http://portal.test"), "CONFLICT");
  }, 60_000);

  it("renders a sent report's PDF once per language and keeps it; a draft's is not kept", async () => {
    const w = await createAgencyWithClient({ campaignName: "Campagne Été" });
    const a = await createActiveCampaignWithAgreement(w);
    await createMeetingInState(w, a, "held");
    const draft = await createDraft(w.am, w.campaign.id, form());
    const preview = await getReportPdf(w.am, draft.id, "fr");
    expect(Buffer.from(preview.content).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(await prisma.reportPdf.count({ where: { reportId: draft.id } })).toBe(0);

    await sendReport(w.am, draft.id, [w.clientAdmin.userId], "http://portal.test");
    const firstRead = await getReportPdf(w.clientAdmin, draft.id, "fr");
    expect(firstRead.kept).toBe(false);
    expect(firstRead.filename).toMatch(/^Rapport Campagne Été – .+\.pdf$/);
    const again = await getReportPdf(w.clientMember, draft.id, "fr");
    expect(again.kept).toBe(true);
    expect(Buffer.from(again.content).equals(Buffer.from(firstRead.content))).toBe(true);
    expect((await getReportPdf(w.am, draft.id, "en")).filename).toMatch(/^Report Campagne Été – /);
    expect(await prisma.reportPdf.count({ where: { reportId: draft.id } })).toBe(2);
    // Downloading the PDF is an open; the kept file never changes.
    expect((await prisma.reportRecipient.findFirstOrThrow({ where: { reportId: draft.id } })).openedAt).not.toBeNull();
    await expect(prisma.$executeRawUnsafe(`UPDATE "ReportPdf" SET "size" = 1 WHERE "reportId" = $1`, draft.id)).rejects.toThrow(/cannot change/);
    // Another company's reader finds nothing.
    const other = await createAgencyWithClient();
    await expectDomainError(getReportPdf(other.clientAdmin, draft.id, "fr"), "NOT_FOUND");
  }, 60_000);
});
