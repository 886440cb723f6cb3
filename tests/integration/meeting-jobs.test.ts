// The meetings' background work on pg-boss: the sweep is scheduled (stored in the database, so it survives restarts),
// and an import queued from the screen is processed by the worker.
import { prisma } from "~/utils/db.server";
import { startBackgroundWork, stopBackgroundWork } from "~/jobs/worker.server";
import { enqueueImport } from "~/services/queue.server";
import { runMeetingSweep } from "~/models/meetings/sweep.server";
import { confirmImport, createImport, getImport } from "~/models/meetings/import.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { logMeeting } from "~/models/meetings/logging.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient } from "../factories";

afterEach(async () => {
  await stopBackgroundWork();
});

it("schedules the meeting sweep and processes queued imports", async () => {
  const w = await createAgencyWithClient();
  await createActiveCampaignWithAgreement(w, { personaName: "CFO ETI" });
  await startBackgroundWork({ pollingIntervalSeconds: 0.5 });
  const schedules = await prisma.$queryRawUnsafe<{ name: string; cron: string }[]>(`select name, cron from pgboss.schedule`);
  expect(schedules).toContainEqual({ name: "meeting-sweep", cron: "*/5 * * * *" });

  const day = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
  const csv = `id,name,email,company,date,timezone,persona\nQ-1,Queued One,q1@x.test,Q SA,${day} 10:00,Europe/Paris,CFO ETI\n`;
  const job = await createImport(w.sdr, w.campaign.id, { name: "q.csv", bytes: new TextEncoder().encode(csv) });
  const j = await getImport(w.sdr, w.campaign.id, job.id);
  await confirmImport(w.sdr, w.campaign.id, job.id, j.mapping);
  await enqueueImport(job.id);
  await expect.poll(async () => (await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).status, { timeout: 15_000, interval: 250 }).toBe("DONE");
  expect(await prisma.meeting.count({ where: { externalId: "Q-1" } })).toBe(1);
}, 30_000);

it("one sweep accepts what is due and reminds missing attendance", async () => {
  const w = await createAgencyWithClient();
  const a = await createActiveCampaignWithAgreement(w);
  const input = (name: string) => ({
    personaVersionId: a.personaVersion.id,
    prospectName: name,
    prospectEmail: `${name}@x.test`,
    prospectCompany: "X",
    scheduledAt: new Date(Date.now() - 3 * 3600_000),
    timeZone: "Europe/Paris",
    durationMinutes: 30,
    channel: "VIDEO" as const,
    checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
  });
  const earlier = new Date(Date.now() - 72 * 3600_000);
  const held = await logMeeting(w.sdr, w.campaign.id, input("held"), earlier);
  const forgotten = await logMeeting(w.sdr, w.campaign.id, input("forgotten"), earlier);
  if (!held.ok || !forgotten.ok) throw new Error("not logged");
  await changeMeetingStatus(w.am, held.meetingId, "HELD");
  // A day before its window closes, the held meeting's client admin is reminded; a week later it is accepted.
  // The forgotten one is also presumed held by the definition's attendance rule (48 hours).
  expect(await runMeetingSweep(new Date(Date.now() + 6 * 86400_000))).toEqual({ accepted: 0, windowReminded: 1, reminded: 1, presumptionReminded: 0, presumed: 1 });
  expect(await prisma.emailOutbox.count({ where: { template: "meeting-window-closing", to: w.clientAdmin.email } })).toBe(1);
  const r = await runMeetingSweep(new Date(Date.now() + 8 * 86400_000));
  expect(r).toEqual({ accepted: 1, windowReminded: 0, reminded: 0, presumptionReminded: 0, presumed: 0 });
  expect(await runMeetingSweep(new Date(Date.now() + 8 * 86400_000))).toEqual({ accepted: 0, windowReminded: 0, reminded: 0, presumptionReminded: 0, presumed: 0 });
});
