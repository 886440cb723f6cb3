// Issue 9: a CSV import tells the client users of the meetings it created, as the form and the API do
// (MEETING_BOOKED, each on the channel they chose), once: rows already imported are not announced again, an import of
// one meeting reads like a logged one, and several meetings make one notification per recipient (one email at once,
// one digest line), never one email per row to the same person.
import { prisma } from "~/utils/db.server";
import { confirmImport, createImport, getImport } from "~/models/meetings/import.server";
import { processImportJob } from "~/models/meetings/import-worker.server";
import { saveMyPreferences } from "~/models/notifications/preferences.server";
import { localDayAndHour, sendDigest } from "~/models/notifications/digest.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, type AgencyWorld } from "../factories";

const day = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
const header = "external id,name,email,company,date,timezone,persona,channel";
const row = (n: number) => `X-${n},Prospect ${n},p${n}@acme.test,Acme ${n},${day} 10:${String(n % 60).padStart(2, "0")},Europe/Paris,CFO ETI,video`;

let w: AgencyWorld;
beforeEach(async () => {
  w = await createAgencyWithClient();
  await createActiveCampaignWithAgreement(w, { personaName: "CFO ETI" });
  // The agreement's own notifications are not what is tested.
  await prisma.notification.deleteMany();
  await prisma.emailOutbox.deleteMany();
});

async function run(lines: string[]) {
  const bytes = new TextEncoder().encode([header, ...lines].join("\n"));
  const job = await createImport(w.sdr, w.campaign.id, { name: "m.csv", bytes });
  const j = await getImport(w.sdr, w.campaign.id, job.id);
  expect((await confirmImport(w.sdr, w.campaign.id, job.id, { ...j.mapping, defaultTimeZone: "Europe/Paris" })).ok).toBe(true);
  await processImportJob(job.id);
  return prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
}

const booked = (userId: string) =>
  prisma.notification.findMany({ where: { userId, kind: "MEETING_BOOKED" }, orderBy: { createdAt: "asc" }, select: { title: true, body: true, channel: true, meetingId: true, href: true } });
const emailsTo = (to: string, template?: string) => prisma.emailOutbox.findMany({ where: { to, ...(template ? { template } : {}) }, select: { subject: true, html: true, template: true } });

it("announces several imported meetings once per client user, on each one's channel, and never again on a re-run", async () => {
  // The client member wants meetings booked by email at once, in French; the client admin keeps the daily digest.
  await prisma.user.update({ where: { id: w.clientMember.userId }, data: { locale: "fr" } });
  await saveMyPreferences(w.clientMember, { MEETING_BOOKED: "EMAIL" }, 8);
  const [admin, member, sdr] = await Promise.all(
    [w.clientAdmin, w.clientMember, w.sdr].map((a) => prisma.user.findUniqueOrThrow({ where: { id: a.userId }, select: { email: true } })),
  );

  const lines = [1, 2, 3].map(row);
  expect((await run(lines)).createdCount).toBe(3);

  const mine = await booked(w.clientMember.userId);
  expect(mine).toEqual([
    { title: `3 rendez-vous pris sur ${w.campaign.name}`, body: expect.stringContaining("fichier CSV"), channel: "EMAIL", meetingId: null, href: `/campaigns/${w.campaign.id}/meetings` },
  ]);
  const emails = await emailsTo(member.email);
  expect(emails).toHaveLength(1);
  expect(emails[0]).toMatchObject({ template: "meetings-imported", subject: `3 nouveaux rendez-vous sur ${w.campaign.name}` });

  const theirs = await booked(w.clientAdmin.userId);
  expect(theirs).toEqual([expect.objectContaining({ title: `3 meetings booked on ${w.campaign.name}`, channel: "DIGEST" })]);
  expect(await emailsTo(admin.email)).toEqual([]);
  // Her digest lists the import as one line.
  const now = new Date();
  expect(await sendDigest(w.clientAdmin.userId, localDayAndHour(now, "Europe/Paris").day, now)).toBe(true);
  const digest = await emailsTo(admin.email, "notification-digest");
  expect(digest).toHaveLength(1);
  expect(digest[0].html).toContain(`3 meetings booked on ${w.campaign.name}`);
  // The importer (agency side) is not told of their own import.
  expect(await booked(w.sdr.userId)).toEqual([]);
  expect(await emailsTo(sdr.email, "meetings-imported")).toEqual([]);

  // The same file again creates nothing, so announces nothing.
  expect((await run(lines)).createdCount).toBe(0);
  expect(await booked(w.clientMember.userId)).toHaveLength(1);
  expect(await emailsTo(member.email)).toHaveLength(1);
});

it("announces an import of one meeting as a logged one: about that meeting, with its prospect", async () => {
  await saveMyPreferences(w.clientMember, { MEETING_BOOKED: "EMAIL" }, 8);
  const member = await prisma.user.findUniqueOrThrow({ where: { id: w.clientMember.userId }, select: { email: true } });
  // One new row beside one already imported.
  await run([row(1)]);
  await prisma.notification.deleteMany();
  await prisma.emailOutbox.deleteMany();
  expect((await run([row(1), row(7)])).createdCount).toBe(1);

  const m = await prisma.meeting.findFirstOrThrow({ where: { externalId: "X-7" }, select: { id: true } });
  for (const userId of [w.clientAdmin.userId, w.clientMember.userId]) {
    expect(await booked(userId)).toEqual([expect.objectContaining({ title: "Meeting booked with Prospect 7 (Acme 7)", meetingId: m.id, href: `/campaigns/${w.campaign.id}/meetings/${m.id}` })]);
  }
  expect(await emailsTo(member.email)).toEqual([expect.objectContaining({ template: "meeting-booked" })]);
});
