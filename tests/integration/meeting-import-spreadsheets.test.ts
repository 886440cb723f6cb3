// Issue 9, "CSV for French spreadsheets", the import: separate date and time columns in a chosen format, defaults for
// the whole file (the only approved persona, the importer as SDR, a client attendee who gets the invitation), the bad
// value kept beside each error, the template's own header mapping itself; no invitation to a deactivated attendee.
import { prisma } from "~/utils/db.server";
import { confirmImport, createImport, getImport } from "~/models/meetings/import.server";
import { processImportJob } from "~/models/meetings/import-worker.server";
import { combineDateTime, guessMapping, templateHeader } from "~/domain/meetings/import";
import { editMeeting } from "~/models/meetings/logging.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState, type AgencyWorld } from "../factories";
import type { ImportMapping } from "~/domain/meetings/import";

let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w, { personaName: "DAF ETI" });
});

const inDays = (n: number) => new Date(Date.now() + n * 86400_000);
const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;

async function run(csv: string, actor = w.am, extra: Partial<ImportMapping> = {}) {
  const job = await createImport(actor, w.campaign.id, { name: "rdv.csv", bytes: new TextEncoder().encode(csv) });
  const j = await getImport(actor, w.campaign.id, job.id);
  const r = await confirmImport(actor, w.campaign.id, job.id, { ...j.mapping, defaultTimeZone: "Europe/Paris", ...extra });
  expect(r).toEqual({ ok: true });
  await processImportJob(job.id);
  return { mapping: j.mapping, job: await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } }) };
}

describe("CSV import for spreadsheets", () => {
  it("combines a date column and a time column in DD/MM/YYYY, defaults persona and SDR, invites the chosen attendee", async () => {
    const d = inDays(5);
    const csv = ["Nom;E-mail;Entreprise;Date;Heure", `Hélène Dupré;h@x.test;Crème SA;${dmy(d)};14h30`, `Marc Roy;m@x.test;Roy SA;${dmy(d)};9:05`].join("\r\n");
    const { mapping, job } = await run(csv, w.am, { defaultClientAttendeeId: w.clientMember.userId });
    expect(mapping).toMatchObject({ scheduledDate: "Date", scheduledTime: "Heure", dateFormat: "DMY" });
    expect(mapping.scheduledAt).toBeUndefined();
    expect(job).toMatchObject({ createdCount: 2, errorCount: 0 });
    const m = await prisma.meeting.findFirstOrThrow({ where: { prospectEmail: "h@x.test" } });
    expect(m.scheduledAt.toISOString().slice(0, 10)).toBe(d.toISOString().slice(0, 10));
    expect(new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(m.scheduledAt)).toBe("14:30");
    expect(m.personaVersionId).toBe(a.personaVersion.id); // the only approved persona
    expect(m.sdrId).toBe(w.sdr.userId); // the AM is not on the campaign: its only SDR
    expect(m.clientAttendeeId).toBe(w.clientMember.userId);
    const invites = await prisma.emailOutbox.findMany({ where: { template: "meeting-invitation", to: w.clientMember.email } });
    expect(invites).toHaveLength(2);
  });

  it("reads MM/DD/YYYY when chosen, and keeps the bad value beside each error", async () => {
    const d = inDays(6);
    const mdy = `${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}/${d.getUTCFullYear()}`;
    const csv = ["name,email,company,date,time,sdr", `Ann,ann@x.test,A,${mdy},10:00,`, `Bob,bob@x.test,B,31/31/2026,10:00,`, `Cid,cid@x.test,C,${mdy},25:00,`, `Dan,dan@x.test,D,${mdy},10:00,nobody@x.test`].join("\n");
    const { job } = await run(csv, w.am, { dateFormat: "MDY" });
    expect(job).toMatchObject({ createdCount: 1, errorCount: 3 });
    const errors = job.errors as { line: number; field: string; message: string; value?: string }[];
    expect(errors.find((e) => e.line === 3)).toMatchObject({ field: "scheduledDate", message: "meetings.import.badDate|format=MM/DD/YYYY", value: "31/31/2026 10:00" });
    expect(errors.find((e) => e.line === 4)).toMatchObject({ field: "scheduledTime", message: "meetings.import.badTime" });
    expect(errors.find((e) => e.line === 5)).toMatchObject({ field: "sdrEmail", value: "nobody@x.test" });
  });

  it("an SDR importing is the SDR of every row (no SDR column, no choice)", async () => {
    const d = inDays(4);
    const { job } = await run(["name,email,company,date", `A,a@x.test,A,${d.toISOString().slice(0, 10)} 11:00`].join("\n"), w.sdr);
    expect(job.createdCount).toBe(1);
    expect((await prisma.meeting.findFirstOrThrow({ where: { prospectEmail: "a@x.test" } })).sdrId).toBe(w.sdr.userId);
  });

  it("the template's header, in either language, maps itself", () => {
    for (const locale of ["fr", "en"] as const) {
      const header = templateHeader(locale);
      const mapping = guessMapping(header);
      expect(mapping.scheduledDate).toBeTruthy();
      expect(mapping.scheduledTime).toBeTruthy();
      for (const f of ["prospectName", "prospectEmail", "prospectCompany", "persona", "sdrEmail", "clientAttendeeEmail", "externalId", "location"] as const) expect(mapping[f], `${locale} ${f}`).toBeTruthy();
    }
    expect(combineDateTime({ scheduledAt: "2026-12-31 10:30" }, "DMY")).toEqual({ ok: true, local: "2026-12-31T10:30" });
    expect(combineDateTime({ scheduledAt: "31/12/2026 10h" }, "DMY")).toEqual({ ok: true, local: "2026-12-31T10:00" });
    expect(combineDateTime({ scheduledDate: "29/02/2026", scheduledTime: "10:00" }, "DMY")).toMatchObject({ ok: false, field: "scheduledDate" });
  });

  it("changing the attendee in the edit form invites the new one and cancels for the old; a deactivated attendee receives nothing", async () => {
    const id = await createMeetingInState(w, a, "scheduled", { input: { clientAttendeeId: w.clientMember.userId } });
    const before = await prisma.emailOutbox.count({ where: { template: "meeting-invitation" } });
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    const fields = { prospectName: m.prospectName, prospectEmail: m.prospectEmail, prospectCompany: m.prospectCompany, durationMinutes: m.durationMinutes, channel: m.channel };
    await editMeeting(w.sdr, id, { ...fields, clientAttendeeId: w.clientAdmin.userId });
    const sent = await prisma.emailOutbox.findMany({ where: { template: "meeting-invitation" }, orderBy: { createdAt: "asc" }, skip: before });
    expect(sent.map((e) => e.to).sort()).toEqual([w.clientAdmin.email, w.clientMember.email].sort());
    expect(JSON.stringify(sent.find((e) => e.to === w.clientMember.email))).toContain("cancelled");
    // The admin is deactivated: a later change of duration sends them nothing.
    await prisma.membership.updateMany({ where: { userId: w.clientAdmin.userId }, data: { deactivatedAt: new Date() } });
    const count = await prisma.emailOutbox.count({ where: { template: "meeting-invitation" } });
    await editMeeting(w.sdr, id, { ...fields, durationMinutes: 60 });
    expect(await prisma.emailOutbox.count({ where: { template: "meeting-invitation" } })).toBe(count);
  });
});
