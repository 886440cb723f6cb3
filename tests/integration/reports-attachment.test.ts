// A report's PDF attached to its email when the agency turns that on: written with the outbox row (so a provider
// outage loses nothing), delivered through the real Resend SDK to the local fake, in each reader's language with a
// file name in that language (accents kept); nothing attached when the agency leaves it off.
import { prisma } from "~/utils/db.server";
import { deliverEmail } from "~/services/email.server";
import { createDraft, getReportPdf, sendReport, testSendReport } from "~/models/reports/reports.server";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState } from "../factories";
import { startFakeResend, type FakeResend } from "../fakes/resend";
import { pdfTitle } from "../pdf-info";
import { useEnv } from "./helpers";

const setEnv = useEnv();
let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  setEnv({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fake.url });
});

type Attachment = { filename: string; content: string; content_type?: string };
type SentBody = { to: string | string[]; subject: string; html: string; text: string; attachments?: Attachment[] };
/** The report email delivered to `to` (older emails to the same address go first, and are not it). */
const bodyTo = (to: string) =>
  fake.delivered().map((r) => r.body as SentBody).find((b) => [b.to].flat().includes(to) && /Campaign report|Rapport de campagne/.test(b.subject));

const today = () => todayIn("Europe/Paris");
const form = () => ({
  periodStart: addDays(today(), -6), periodEnd: today(), sections: [], highlightIds: [], commentary: "", highlights: "", nextSteps: "", correctionNote: "",
});

async function world(campaignName: string, attach: boolean) {
  const w = await createAgencyWithClient({ campaignName });
  const a = await createActiveCampaignWithAgreement(w);
  await prisma.agency.update({ where: { id: w.agency.id }, data: { reportPdfAttached: attach } });
  await prisma.user.update({ where: { id: w.clientAdmin.userId }, data: { locale: "fr" } });
  await prisma.user.update({ where: { id: w.clientMember.userId }, data: { locale: "en" } });
  await createMeetingInState(w, a, "held");
  return w;
}

async function deliverAll(template: string, agencyId: string) {
  const rows = await prisma.emailOutbox.findMany({ where: { template, agencyId }, select: { id: true } });
  for (const r of rows) expect(await deliverEmail(r.id)).toBe("sent");
  return rows.length;
}

describe("report PDF attachment", () => {
  it("attaches the PDF in each reader's language, with a file name in that language, accents kept", async () => {
    const w = await world("Campagne Été à Lyon", true);
    const draft = await createDraft(w.am, w.campaign.id, form());
    await sendReport(w.am, draft.id, [w.clientAdmin.userId, w.clientMember.userId], "http://portal.test");

    // Stored with the outbox row, before any delivery.
    const stored = await prisma.emailAttachment.findMany({ where: { email: { template: "report-sent", agencyId: w.agency.id } }, include: { email: { select: { to: true } } } });
    expect(stored).toHaveLength(2);
    expect(stored.every((s) => s.size > 1000 && s.contentType === "application/pdf")).toBe(true);
    // The very bytes attached are the report's kept PDF of that language: the portal's download is the same file.
    const kept = await prisma.reportPdf.findMany({ where: { reportId: draft.id } });
    expect(kept.map((k) => k.locale).sort()).toEqual(["en", "fr"]);
    const frFile = stored.find((x) => x.email.to === w.clientAdmin.email)!;
    expect(Buffer.from(kept.find((k) => k.locale === "fr")!.content).equals(Buffer.from(frFile.content))).toBe(true);
    expect((await getReportPdf(w.clientAdmin, draft.id, "fr")).kept).toBe(true);

    expect(await deliverAll("report-sent", w.agency.id)).toBe(2);
    const fr = bodyTo(w.clientAdmin.email)!;
    const en = bodyTo(w.clientMember.email)!;
    expect(fr.attachments).toHaveLength(1);
    expect(en.attachments).toHaveLength(1);
    expect(fr.attachments![0].filename).toMatch(/^Rapport Campagne Été à Lyon – .+\.pdf$/);
    expect(en.attachments![0].filename).toMatch(/^Report Campagne Été à Lyon – .+\.pdf$/);
    // The bytes are a PDF of this campaign, and the email says it is attached.
    for (const b of [fr, en]) {
      const pdf = Buffer.from(b.attachments![0].content, "base64");
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdfTitle(pdf)).toContain("Campagne Été à Lyon");
      expect(b.text).toContain(b.attachments![0].filename);
    }
    // Each in its reader's language: the French title carries a French month, the English one an English month.
    const month = (locale: string) => new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" }).format(new Date(`${today()}T12:00:00Z`));
    expect(pdfTitle(Buffer.from(fr.attachments![0].content, "base64"))).toContain(month("fr-FR"));
    expect(pdfTitle(Buffer.from(en.attachments![0].content, "base64"))).toContain(month("en-GB"));
    expect(fr.text).toContain("joint en PDF");
    expect(en.text).toContain("attached as a PDF");

    // A test send carries it too, in the AM's language.
    const second = await createDraft(w.am, w.campaign.id, form());
    await prisma.user.update({ where: { id: w.am.userId }, data: { locale: "fr" } });
    await testSendReport({ ...w.am, locale: "fr" }, second.id, "http://portal.test");
    const test = await prisma.emailOutbox.findFirstOrThrow({ where: { to: w.am.email, template: "report-sent" }, include: { attachments: true } });
    expect(test.attachments.map((x) => x.filename)).toEqual([expect.stringMatching(/^Rapport Campagne Été à Lyon – /)]);
    // Four PDFs rendered (two languages, the test send): 20 s is short under a loaded machine.
  }, 60_000);

  it("attaches nothing when the agency leaves it off", async () => {
    const w = await world("Plain outbound", false);
    const draft = await createDraft(w.am, w.campaign.id, form());
    await sendReport(w.am, draft.id, [w.clientAdmin.userId], "http://portal.test");
    expect(await deliverAll("report-sent", w.agency.id)).toBe(1);
    const body = bodyTo(w.clientAdmin.email)!;
    expect(body.attachments).toBeUndefined();
    expect(body.text).not.toContain("joint en PDF");
    expect(await prisma.emailAttachment.count({ where: { email: { agencyId: w.agency.id } } })).toBe(0);
  });
});
