// Issue 9, "billing must not wait forever on a click": the definition's attendance rule presumes a meeting held when
// nobody recorded attendance in time, opens its review window, and reminds the client attendee and the SDR first.
import { prisma } from "~/utils/db.server";
import type { DefinitionInput } from "~/domain/agreement/schemas";
import { presumeAttendance, remindPresumption, runMeetingSweep } from "~/models/meetings/sweep.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState } from "../factories";

const H = 3600_000;

async function world(definition: Partial<DefinitionInput> = {}) {
  const w = await createAgencyWithClient();
  const a = await createActiveCampaignWithAgreement(w, { definition });
  return { w, a };
}

it("reminds the attendee and the SDR a day before, then presumes the meeting held and opens its review window", async () => {
  const { w, a } = await world();
  // Ended two hours ago (45 minutes, started 2h45 ago); the rule is 48 hours past its end.
  const id = await createMeetingInState(w, a, "past", { hoursFromNow: -2.75, input: { clientAttendeeId: w.clientMember.userId } });
  const end = Date.now() - 2 * H;

  expect(await remindPresumption(new Date(end + 20 * H))).toBe(0);
  expect(await presumeAttendance(new Date(end + 20 * H))).toBe(0);

  const dayBefore = new Date(end + 25 * H);
  expect(await remindPresumption(dayBefore)).toBe(1);
  expect(await remindPresumption(dayBefore)).toBe(0);
  const notices = await prisma.notification.findMany({ where: { meetingId: id, kind: "ATTENDANCE_PRESUMPTION" }, select: { userId: true, title: true } });
  expect(notices.map((n) => n.userId).sort()).toEqual([w.sdr.userId, w.clientMember.userId].sort());
  // The SDR's default is an email at once; the client member's is the daily digest (never an email at once).
  expect(await prisma.emailOutbox.count({ where: { template: "meeting-presumption", to: w.sdr.email } })).toBe(1);
  expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");

  const after = new Date(end + 48 * H + 60_000);
  expect(await presumeAttendance(after)).toBe(1);
  expect(await presumeAttendance(after)).toBe(0);
  const m = await prisma.meeting.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { createdAt: "asc" } } } });
  expect(m.status).toBe("HELD");
  expect(m.presumedHeldAt?.toISOString()).toBe(after.toISOString());
  expect(m.reviewDueAt?.toISOString()).toBe(new Date(after.getTime() + 7 * 24 * H).toISOString());
  expect(m.events.map((e) => e.type)).toContain("presumed_held");
  expect(await prisma.auditEvent.count({ where: { type: "meeting.presumed_held", campaignId: w.campaign.id } })).toBe(1);
  // The client admin is told the meeting is to review, as when the agency marks it held.
  expect(await prisma.notification.count({ where: { meetingId: id, kind: "MEETING_TO_REVIEW", userId: w.clientAdmin.userId } })).toBe(1);
});

it("never presumes a meeting whose attendance was recorded, nor under a definition without the rule", async () => {
  const { w, a } = await world();
  const noShow = await createMeetingInState(w, a, "past", { hoursFromNow: -3 });
  await changeMeetingStatus(w.sdr, noShow, "NO_SHOW");
  const other = await world({ attendanceRuleHours: null });
  const ruleless = await createMeetingInState(other.w, other.a, "past", { hoursFromNow: -3 });
  const later = new Date(Date.now() + 10 * 24 * H);
  const r = await runMeetingSweep(later);
  expect(r.presumed).toBe(0);
  expect(r.presumptionReminded).toBe(0);
  expect((await prisma.meeting.findUniqueOrThrow({ where: { id: noShow } })).status).toBe("NO_SHOW");
  expect((await prisma.meeting.findUniqueOrThrow({ where: { id: ruleless } })).status).toBe("SCHEDULED");
});

it("counts the rule in business days when the definition says so (no presumption over a weekend)", async () => {
  const { w, a } = await world({ windowsInBusinessDays: true });
  await prisma.agency.update({ where: { id: w.agency.id }, data: { timeZone: "Europe/Paris" } });
  const id = await createMeetingInState(w, a, "past", { hoursFromNow: -3 });
  // Put the meeting on Friday 4 December 2026 at 16:00 Paris (15:00 UTC), 45 minutes: it ends at 16:45.
  await prisma.meeting.update({ where: { id }, data: { scheduledAt: new Date("2026-12-04T15:00:00Z") } });
  // 48 hours later in calendar time is Sunday: nothing, since weekend hours do not count.
  expect(await presumeAttendance(new Date("2026-12-06T16:00:00Z"))).toBe(0);
  // Friday 16:45 + 48 business hours = Tuesday 16:45 Paris (15:45 UTC).
  expect(await presumeAttendance(new Date("2026-12-08T15:40:00Z"))).toBe(0);
  expect(await presumeAttendance(new Date("2026-12-08T15:46:00Z"))).toBe(1);
  // The review window (7 business days) opens from then: Thursday 17 December, same local time.
  const m = await prisma.meeting.findUniqueOrThrow({ where: { id } });
  expect(m.reviewDueAt?.toISOString()).toBe("2026-12-17T15:46:00.000Z");
});
