// The agency's Emails page shows each email's files (a report's PDF, a calendar invitation's .ics): name, type and
// size on the email's row and page, never the bytes; the download answers the very bytes stored (and delivered) to
// the agency admins only; any other role, another agency, or a file asked through another email gets no file.
import { prisma } from "~/utils/db.server";
import { createDraft, sendReport } from "~/models/reports/reports.server";
import { logMeeting } from "~/models/meetings/logging.server";
import { zonedToUtc } from "~/domain/shared/timezone";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { loader as listLoader } from "~/routes/_app+/emails+/_index";
import { loader as emailLoader } from "~/routes/_app+/emails+/$emailId";
import { loader as fileLoader } from "~/routes/_app+/emails+/$emailId.attachments.$attachmentId";
import { createSession, sessionCookie, type Actor } from "~/utils/auth.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState, createMember } from "../factories";

async function req(actor: Actor, path: string) {
  const s = await createSession(actor.userId);
  return new Request(`http://test${path}`, { headers: { Cookie: await sessionCookie.serialize(s.id) } });
}

async function status(p: Promise<unknown>) {
  try {
    const r = await p;
    return r instanceof Response ? r.status : 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

const nextYear = new Date().getUTCFullYear() + 1;

/** An agency that attaches report PDFs, with one sent report (to the French client admin) and one booked meeting. */
async function world(campaignName: string) {
  const w = await createAgencyWithClient({ campaignName });
  const a = await createActiveCampaignWithAgreement(w);
  await prisma.agency.update({ where: { id: w.agency.id }, data: { reportPdfAttached: true } });
  await prisma.user.update({ where: { id: w.clientAdmin.userId }, data: { locale: "fr" } });
  await createMeetingInState(w, a, "held");
  const today = todayIn("Europe/Paris");
  const draft = await createDraft(w.am, w.campaign.id, {
    periodStart: addDays(today, -6), periodEnd: today, sections: [], highlightIds: [], commentary: "", highlights: "", nextSteps: "", correctionNote: "",
  });
  await sendReport(w.am, draft.id, [w.clientAdmin.userId], "http://portal.test");
  const attendee = await createMember(w.agency.id, "CLIENT_MEMBER", { clientCompanyId: w.client.id, locale: "en", name: "Claire Martin" });
  const booked = await logMeeting(w.am, w.campaign.id, {
    personaVersionId: a.personaVersion.id, sdrId: w.sdr.userId, prospectName: "Sophie Laurent", prospectEmail: "sophie@morel.test",
    prospectCompany: "Transports Morel", prospectCountry: "FR", scheduledAt: zonedToUtc(`${nextYear}-01-12T10:00`, "Europe/Paris")!,
    timeZone: "Europe/Paris", durationMinutes: 45, channel: "VIDEO", clientAttendeeId: attendee.userId,
    checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
  });
  if (!booked.ok) throw new Error(JSON.stringify(booked));
  const stored = (template: string) =>
    prisma.emailAttachment.findFirstOrThrow({ where: { email: { template, agencyId: w.agency.id } }, include: { email: { select: { id: true } } } });
  return { w, attendee, pdf: await stored("report-sent"), ics: await stored("meeting-invitation") };
}

describe("Emails page: attachments", () => {
  it("lists each email's files (name, type, size, no bytes) on its row and its page, and downloads the stored bytes", async () => {
    const { w, pdf, ics } = await world("Campagne Été à Lyon");
    const list = await (await listLoader({ request: await req(w.admin, "/emails"), params: {}, context: {} }) as Response).json();
    const rowOf = (id: string) => list.rows.find((r: { id: string }) => r.id === id);
    expect(rowOf(pdf.email.id).attachments).toEqual([{ id: pdf.id, filename: pdf.filename, contentType: "application/pdf", size: pdf.content.byteLength }]);
    expect(pdf.filename).toMatch(/^Rapport Campagne Été à Lyon – .+\.pdf$/);
    expect(rowOf(ics.email.id).attachments).toEqual([{ id: ics.id, filename: "invite.ics", contentType: ics.contentType, size: ics.content.byteLength }]);
    expect(ics.contentType).toMatch(/^text\/calendar/);
    // Emails without files list none.
    expect(list.rows.filter((r: { attachments: unknown[] }) => r.attachments.length === 0).length).toBeGreaterThan(0);
    expect(JSON.stringify(list)).not.toContain('"content"');

    const page = await (await emailLoader({ request: await req(w.admin, `/emails/${pdf.email.id}`), params: { emailId: pdf.email.id }, context: {} }) as Response).json();
    expect(page.email.attachments).toEqual([{ id: pdf.id, filename: pdf.filename, contentType: "application/pdf", size: pdf.size }]);

    // The PDF: the bytes as stored, its type, its name with the accents kept.
    const file = (await fileLoader({ request: await req(w.admin, "/x"), params: { emailId: pdf.email.id, attachmentId: pdf.id }, context: {} })) as Response;
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("Cache-Control")).toBe("private, no-store");
    const disposition = file.headers.get("Content-Disposition")!;
    expect(disposition).toMatch(/^attachment; filename="Rapport Campagne Ete a Lyon/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(pdf.filename);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.equals(Buffer.from(pdf.content))).toBe(true);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // The .ics: a calendar invitation, as delivered.
    const cal = (await fileLoader({ request: await req(w.admin, "/x"), params: { emailId: ics.email.id, attachmentId: ics.id }, context: {} })) as Response;
    expect(cal.headers.get("Content-Type")).toBe(ics.contentType);
    const text = await cal.text();
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).toContain("METHOD:REQUEST");
    expect(text).toBe(Buffer.from(ics.content).toString("utf8"));
  });

  it("downloads for the agency's admins only: other roles, another agency and a file asked through another email get none", async () => {
    const { w, attendee, pdf, ics } = await world("Outbound Nord");
    const other = await world("Outbound Sud");
    const ask = async (actor: Actor, emailId: string, attachmentId: string) =>
      status(fileLoader({ request: await req(actor, `/emails/${emailId}/attachments/${attachmentId}`), params: { emailId, attachmentId }, context: {} }));
    expect(await ask(w.admin, pdf.email.id, pdf.id)).toBe(200);
    for (const actor of [w.am, w.sdr, w.clientAdmin, w.clientMember, attendee]) {
      expect([403, 404]).toContain(await ask(actor, pdf.email.id, pdf.id));
    }
    // Another agency's admin, through their own email's id or the right one.
    expect(await ask(other.w.admin, pdf.email.id, pdf.id)).toBe(404);
    expect(await ask(other.w.admin, other.pdf.email.id, pdf.id)).toBe(404);
    // A file of the agency asked through another of its emails; an unknown id.
    expect(await ask(w.admin, ics.email.id, pdf.id)).toBe(404);
    expect(await ask(w.admin, pdf.email.id, "nope")).toBe(404);
    // Another agency's email page does not list (or reach) this agency's files.
    expect(await status(emailLoader({ request: await req(other.w.admin, `/emails/${pdf.email.id}`), params: { emailId: pdf.email.id }, context: {} }))).toBe(404);
    // Signed out: to sign-in.
    const anon = await status(fileLoader({ request: new Request(`http://test/emails/${pdf.email.id}/attachments/${pdf.id}`), params: { emailId: pdf.email.id, attachmentId: pdf.id }, context: {} }));
    expect(anon).toBe(302);
  });
});
