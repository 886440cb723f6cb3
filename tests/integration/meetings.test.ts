import { prisma } from "~/utils/db.server";
import { DomainError } from "~/domain/shared/errors";
import { isBillable } from "~/domain/meetings/rules";
import type { Actor } from "~/utils/auth.server";
import { acceptMeeting, disputeMeeting, rateMeeting, recordOutcome, resolveDispute } from "~/models/meetings/review.server";
import { addMeetingComment, editMeeting, logMeeting, updateInternalNotes, type MeetingInput } from "~/models/meetings/logging.server";
import { autoAcceptDueMeetings, remindClosingWindows, remindMissingAttendance } from "~/models/meetings/sweep.server";
import { bulkChangeStatus, changeMeetingStatus } from "~/models/meetings/attendance.server";
import { getMeeting, listMeetings } from "~/models/meetings/queries.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember, type AgencyWorld } from "../factories";

const HOUR = 3600_000;
type Agreement = Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;

function input(a: Agreement, over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    personaVersionId: a.personaVersion.id,
    prospectName: "Sophie Laurent",
    prospectTitle: "CFO",
    prospectEmail: `sophie.${Math.random().toString(36).slice(2)}@morel.test`,
    prospectCompany: "Transports Morel",
    scheduledAt: new Date(Date.now() + 48 * HOUR),
    timeZone: "Europe/Paris",
    durationMinutes: 45,
    channel: "VIDEO",
    checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
    ...over,
  };
}

async function code(p: Promise<unknown>) {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

/** A meeting that started an hour ago (logged 3 days ago, when it was in the future). */
async function pastMeeting(w: AgencyWorld, a: Agreement, actor: Actor = w.sdr) {
  const r = await logMeeting(actor, w.campaign.id, input(a, { scheduledAt: new Date(Date.now() - HOUR) }), new Date(Date.now() - 72 * HOUR));
  if (!r.ok) throw new Error("not logged");
  return r.meetingId;
}

async function heldMeeting(w: AgencyWorld, a: Agreement) {
  const id = await pastMeeting(w, a);
  await changeMeetingStatus(w.clientMember, id, "HELD");
  return id;
}

let w: AgencyWorld;
let a: Agreement;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
});

describe("logging", () => {
  it("an SDR logs a meeting under the versions in force; clients are notified in the inbox, by email only if they chose it", async () => {
    const r = await logMeeting(w.sdr, w.campaign.id, input(a));
    expect(r.ok).toBe(true);
    const m = await prisma.meeting.findFirstOrThrow({ include: { checks: true, events: true } });
    expect(m).toMatchObject({ sdrId: w.sdr.userId, personaVersionId: a.personaVersion.id, definitionVersionId: a.definitionVersion.id, status: "SCHEDULED", verdict: "PENDING" });
    expect(m.checks).toHaveLength(4);
    expect(m.events.map((e) => e.type)).toEqual(["created"]);
    // By default a meeting booked goes to each client user's inbox and daily digest, not by email at once; nobody else.
    expect(await prisma.emailOutbox.count({ where: { template: "meeting-booked" } })).toBe(0);
    const notes = await prisma.notification.findMany({ where: { kind: "MEETING_BOOKED" }, orderBy: { userId: "asc" } });
    expect(notes.map((n) => n.userId).sort()).toEqual([w.clientAdmin.userId, w.clientMember.userId].sort());
    for (const n of notes) expect(n).toMatchObject({ channel: "DIGEST", meetingId: m.id, campaignId: w.campaign.id, href: `/campaigns/${w.campaign.id}/meetings/${m.id}`, readAt: null });

    // The admin chooses email at once, the member in-app only: the next meeting emails the admin alone.
    await prisma.notificationPreference.createMany({
      data: [
        { userId: w.clientMember.userId, kind: "MEETING_BOOKED", channel: "IN_APP" },
        { userId: w.clientAdmin.userId, kind: "MEETING_BOOKED", channel: "EMAIL" },
      ],
    });
    expect((await logMeeting(w.sdr, w.campaign.id, input(a))).ok).toBe(true);
    const second = await prisma.emailOutbox.findMany({ where: { template: "meeting-booked" } });
    expect(second.map((e) => e.to)).toEqual([w.clientAdmin.email]);
    // A notification email links to the preferences and carries a one-click unsubscribe from its kind.
    expect(second[0].html).toContain("/profile#notifications");
    expect(second[0].headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(String((second[0].headers as Record<string, string>)["List-Unsubscribe"])).toMatch(/^<http.*\/unsubscribe\/.+\.MEETING_BOOKED\..+>$/);
    const latest = await prisma.notification.findMany({ where: { kind: "MEETING_BOOKED", meetingId: { not: m.id } }, select: { userId: true, channel: true } });
    expect(latest.sort((x, y) => x.channel.localeCompare(y.channel))).toEqual([
      { userId: w.clientAdmin.userId, channel: "EMAIL" },
      { userId: w.clientMember.userId, channel: "IN_APP" },
    ]);
  });

  it("refuses inactive campaigns, times too far in the past, unknown personas, and non-logging roles", async () => {
    expect(await code(logMeeting(w.sdr, w.campaign.id, input(a, { scheduledAt: new Date(Date.now() - 5 * HOUR) })))).toBe("INVALID");
    expect(await code(logMeeting(w.sdr, w.campaign.id, input(a, { personaVersionId: "nope" })))).toBe("INVALID");
    expect(await code(logMeeting(w.clientAdmin, w.campaign.id, input(a)))).toBe("FORBIDDEN");
    expect(await code(logMeeting(w.otherSdr, w.campaign.id, input(a)))).toBe("NOT_FOUND");
    await prisma.campaign.update({ where: { id: w.campaign.id }, data: { status: "PAUSED" } });
    expect(await code(logMeeting(w.sdr, w.campaign.id, input(a)))).toBe("INVALID");
    expect(await prisma.meeting.count()).toBe(0);
  });

  it("asks to confirm an unmet required criterion, then logs it; flags duplicates", async () => {
    const checks = a.criteria.map((c, i) => ({ criterionId: c.id, met: i !== 0 }));
    const first = await logMeeting(w.sdr, w.campaign.id, input(a, { checks, prospectEmail: "dup@x.test" }));
    expect(first.ok).toBe(false);
    if (!first.ok) expect(first.warnings.map((x) => x.key)).toContain("meetings.warnings.requiredUnmet");
    const confirmed = await logMeeting(w.sdr, w.campaign.id, input(a, { checks, prospectEmail: "dup@x.test", confirmWarnings: true }));
    expect(confirmed.ok).toBe(true);
    const same = input(a, { prospectEmail: "dup@x.test" });
    const m1 = await prisma.meeting.findFirstOrThrow();
    const dup = await logMeeting(w.am, w.campaign.id, { ...same, scheduledAt: m1.scheduledAt, sdrId: w.sdr.userId });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.warnings.map((x) => x.key)).toEqual(["meetings.warnings.duplicate"]);
    await logMeeting(w.am, w.campaign.id, { ...same, scheduledAt: m1.scheduledAt, sdrId: w.sdr.userId, confirmWarnings: true });
    expect(await prisma.meeting.count({ where: { possibleDuplicate: true } })).toBe(1);
  });

  it("is idempotent on the external id", async () => {
    const one = await logMeeting(w.sdr, w.campaign.id, input(a, { externalId: "dialer-42" }));
    const two = await logMeeting(w.sdr, w.campaign.id, input(a, { externalId: "dialer-42" }));
    expect(one.ok && two.ok && one.meetingId === two.meetingId).toBe(true);
    expect(two.ok && two.created).toBe(false);
    expect(await prisma.meeting.count()).toBe(1);
    // Another SDR of the campaign reusing it is refused without being shown the first SDR's meeting.
    await prisma.campaignAssignment.create({ data: { campaignId: w.campaign.id, userId: w.otherSdr.userId } });
    expect(await code(logMeeting(w.otherSdr, w.campaign.id, input(a, { externalId: "dialer-42" })))).toBe("CONFLICT");
    expect(await prisma.meeting.count()).toBe(1);
  });
});

describe("status transitions per role", () => {
  it("every role of the matrix may record attendance; SDRs only their own; never before the start", async () => {
    for (const actor of [w.admin, w.am, w.sdr, w.clientAdmin, w.clientMember]) {
      const id = await pastMeeting(w, a);
      expect(await code(changeMeetingStatus(actor, id, "HELD"))).toBe("OK");
      // The agency corrects attendance until the client reviews; a client disputes instead.
      expect(await code(changeMeetingStatus(actor, id, "NO_SHOW"))).toBe(actor.role.startsWith("CLIENT_") ? "INVALID" : "OK");
    }
    const future = await logMeeting(w.sdr, w.campaign.id, input(a));
    const fid = future.ok ? future.meetingId : "";
    expect(await code(changeMeetingStatus(w.admin, fid, "HELD"))).toBe("INVALID");
    expect(await code(changeMeetingStatus(w.otherSdr, fid, "CANCELLED"))).toBe("NOT_FOUND");
    // An SDR on the campaign who did not book it.
    await prisma.campaignAssignment.create({ data: { campaignId: w.campaign.id, userId: w.otherSdr.userId } });
    expect(await code(changeMeetingStatus(w.otherSdr, fid, "CANCELLED"))).toBe("NOT_FOUND");
    expect(await code(changeMeetingStatus(w.sdr, fid, "CANCELLED"))).toBe("OK");
    expect(await code(changeMeetingStatus(w.sdr, fid, "HELD"))).toBe("INVALID");
  });

  it("reschedules to a future time and keeps the old time in history", async () => {
    const r = await logMeeting(w.sdr, w.campaign.id, input(a));
    const id = r.ok ? r.meetingId : "";
    const before = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    const newTime = new Date(Date.now() + 96 * HOUR);
    expect(await code(changeMeetingStatus(w.clientMember, id, "RESCHEDULE", { newTime: new Date(Date.now() - HOUR) }))).toBe("INVALID");
    await changeMeetingStatus(w.clientMember, id, "RESCHEDULE", { newTime });
    const ev = await prisma.meetingEvent.findFirstOrThrow({ where: { meetingId: id, type: "rescheduled" } });
    expect(ev.from).toBe(before.scheduledAt.toISOString());
    expect(ev.to).toBe(newTime.toISOString());
  });

  it("refuses a stale revision (two people at once)", async () => {
    const id = await pastMeeting(w, a);
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    await changeMeetingStatus(w.am, id, "HELD", { revision: m.revision });
    expect(await code(changeMeetingStatus(w.sdr, id, "NO_SHOW", { revision: m.revision }))).toBe("CONFLICT");
  });

  it("bulk changes what is allowed and reports the rest", async () => {
    const past = await pastMeeting(w, a);
    const fut = await logMeeting(w.sdr, w.campaign.id, input(a));
    const r = await bulkChangeStatus(w.am, [past, fut.ok ? fut.meetingId : ""], "HELD");
    expect(r).toEqual({ changed: 1, refused: [fut.ok ? fut.meetingId : ""] });
  });
});

describe("review and dispute", () => {
  it("rating: client admin and member only, 1-5, on held meetings", async () => {
    const id = await pastMeeting(w, a);
    expect(await code(rateMeeting(w.clientMember, id, { ratingOverall: 4 }))).toBe("INVALID");
    await changeMeetingStatus(w.sdr, id, "HELD");
    for (const actor of [w.admin, w.am, w.sdr]) expect(await code(rateMeeting(actor, id, { ratingOverall: 4 }))).toBe("FORBIDDEN");
    expect(await code(rateMeeting(w.clientMember, id, { ratingOverall: 4, ratingPersonaFit: 5 }))).toBe("OK");
    expect(await code(rateMeeting(w.clientAdmin, id, { ratingOverall: 3 }))).toBe("OK");
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).ratingOverall).toBe(3);
  });

  it("accept: client admin only, inside the window; billable afterwards", async () => {
    const id = await heldMeeting(w, a);
    // Marked held by the member: the client admin, who gives the verdict, is told until when.
    expect((await prisma.emailOutbox.findMany({ where: { template: "meeting-held" } })).map((e) => e.to)).toEqual([w.clientAdmin.email]);
    for (const actor of [w.admin, w.am, w.sdr, w.clientMember]) expect(await code(acceptMeeting(actor, id))).toBe("FORBIDDEN");
    expect(await code(acceptMeeting(w.clientAdmin, id))).toBe("OK");
    expect(await code(acceptMeeting(w.clientAdmin, id))).toBe("INVALID");
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(isBillable(m)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { type: "meeting.accepted" } })).toBe(1);
    // Status is frozen once reviewed.
    expect(await code(changeMeetingStatus(w.am, id, "NO_SHOW"))).toBe("INVALID");
  });

  it("refuses a verdict after the window", async () => {
    const id = await heldMeeting(w, a);
    await prisma.meeting.update({ where: { id }, data: { reviewDueAt: new Date(Date.now() - HOUR) } });
    expect(await code(acceptMeeting(w.clientAdmin, id))).toBe("INVALID");
    expect(await code(disputeMeeting(w.clientAdmin, id, [{ criterionId: a.criteria[0].id, reason: "x" }]))).toBe("INVALID");
  });

  it("dispute -> rejected is billable with reasoning; upheld is not; emails go to the AM, then client and SDR", async () => {
    const id = await heldMeeting(w, a);
    expect(await code(disputeMeeting(w.clientAdmin, id, []))).toBe("INVALID");
    expect(await code(disputeMeeting(w.clientAdmin, id, [{ criterionId: "other", reason: "x" }]))).toBe("INVALID");
    expect(await code(disputeMeeting(w.clientMember, id, [{ criterionId: a.criteria[0].id, reason: "Not the decision maker" }]))).toBe("FORBIDDEN");
    await disputeMeeting(w.clientAdmin, id, [{ criterionId: a.criteria[0].id, reason: "Not the decision maker" }]);
    expect(isBillable(await prisma.meeting.findUniqueOrThrow({ where: { id } }))).toBe(false);
    expect((await prisma.emailOutbox.findMany({ where: { template: "meeting-disputed" } })).map((e) => e.to)).toEqual([w.am.email]);
    for (const actor of [w.sdr, w.clientAdmin, w.clientMember])
      expect(await code(resolveDispute(actor, id, { decision: "DISPUTE_REJECTED", reasoning: "r" }))).toBe("FORBIDDEN");
    await resolveDispute(w.am, id, { decision: "DISPUTE_REJECTED", reasoning: "The recording at 12:40 shows budget authority." });
    const m = await getMeeting(w.clientAdmin, id);
    expect(m.verdict).toBe("DISPUTE_REJECTED");
    expect(m.resolutionReasoning).toContain("12:40");
    expect(isBillable(m)).toBe(true);
    expect(await code(resolveDispute(w.am, id, { decision: "DISPUTE_UPHELD", reasoning: "again" }))).toBe("INVALID");
    const resolvedTo = (await prisma.emailOutbox.findMany({ where: { template: "meeting-resolved" } })).map((e) => e.to).sort();
    // Dispute resolved: the client admin and the SDR (a client member does not receive it).
    expect(resolvedTo).toEqual([w.clientAdmin.email, w.sdr.email].sort());
    expect(await prisma.auditEvent.count({ where: { type: { in: ["meeting.disputed", "meeting.dispute_rejected"] } } })).toBe(2);

    const id2 = await heldMeeting(w, a);
    await disputeMeeting(w.clientAdmin, id2, [{ criterionId: a.criteria[1].id, reason: "No need" }]);
    await resolveDispute(w.admin, id2, { decision: "DISPUTE_UPHELD", reasoning: "Agreed." });
    expect(isBillable(await prisma.meeting.findUniqueOrThrow({ where: { id: id2 } }))).toBe(false);
  });

  it("outcome is recorded by client roles on held meetings", async () => {
    const id = await heldMeeting(w, a);
    expect(await code(recordOutcome(w.sdr, id, { opportunityCreated: true, pipelineValue: 1250000, won: null }))).toBe("FORBIDDEN");
    await recordOutcome(w.clientMember, id, { opportunityCreated: true, pipelineValue: 1250000, won: null });
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).pipelineValue).toBe(1250000);
  });
});

describe("billable", () => {
  it("is exactly held and (accepted or dispute rejected) in the database too", async () => {
    const ids = { accepted: await heldMeeting(w, a), noshow: await pastMeeting(w, a) };
    await acceptMeeting(w.clientAdmin, ids.accepted);
    await changeMeetingStatus(w.am, ids.noshow, "NO_SHOW");
    const all = await prisma.meeting.findMany();
    expect(all.filter(isBillable).map((m) => m.id)).toEqual([ids.accepted]);
  });
});

describe("auto-accept", () => {
  it("accepts after the window and not before, once, even run twice at the same time", async () => {
    const id = await heldMeeting(w, a);
    const due = (await prisma.meeting.findUniqueOrThrow({ where: { id } })).reviewDueAt!;
    expect(due.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86400_000);
    expect(await autoAcceptDueMeetings(new Date(due.getTime() - 1000))).toBe(0);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).verdict).toBe("PENDING");
    const after = new Date(due.getTime() + 1000);
    const [x, y] = await Promise.all([autoAcceptDueMeetings(after), autoAcceptDueMeetings(after)]);
    expect(x + y).toBe(1);
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(m).toMatchObject({ verdict: "ACCEPTED", autoAccepted: true });
    expect(isBillable(m)).toBe(true);
    expect(await prisma.meetingEvent.count({ where: { meetingId: id, type: "auto_accepted" } })).toBe(1);
    expect(await autoAcceptDueMeetings(after)).toBe(0);
  });

  it("leaves disputed meetings alone", async () => {
    const id = await heldMeeting(w, a);
    await disputeMeeting(w.clientAdmin, id, [{ criterionId: a.criteria[0].id, reason: "x" }]);
    expect(await autoAcceptDueMeetings(new Date(Date.now() + 30 * 86400_000))).toBe(0);
  });
});

describe("dispute window closing reminder", () => {
  const windowEmails = () => prisma.emailOutbox.findMany({ where: { template: "meeting-window-closing" }, orderBy: { to: "asc" } });
  const dueOf = async (id: string) => (await prisma.meeting.findUniqueOrThrow({ where: { id } })).reviewDueAt!;

  it("emails each client admin once, in their language, within 48 hours of the window closing", async () => {
    const frAdmin = await createMember(w.agency.id, "CLIENT_ADMIN", { clientCompanyId: w.client.id, locale: "fr", email: "zz-admin@client.test" });
    const id = await heldMeeting(w, a);
    const due = await dueOf(id);
    const at = new Date(due.getTime() - 47 * HOUR);
    expect(await remindClosingWindows(at)).toBe(1);
    expect(await remindClosingWindows(at)).toBe(0);
    expect(await remindClosingWindows(new Date(due.getTime() - HOUR))).toBe(0);
    const emails = await windowEmails();
    expect(emails.map((e) => [e.to, e.locale])).toEqual([
      [w.clientAdmin.email, "en"],
      [frAdmin.email, "fr"],
    ]);
    const fr = emails.find((e) => e.to === frAdmin.email)!;
    expect(fr.subject).toBe("Derniers jours pour évaluer votre rendez-vous avec Sophie Laurent");
    expect(fr.text).toContain("accepté automatiquement le");
    const en = emails.find((e) => e.to === w.clientAdmin.email)!;
    expect(en.text).toContain(`/campaigns/${w.campaign.id}/meetings/${id}`);
    expect(await prisma.emailOutbox.count({ where: { template: "meeting-window-closing", to: { in: [w.clientMember.email, w.am.email, w.sdr.email] } } })).toBe(0);
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id }, include: { events: { where: { type: "window_reminder" } } } });
    expect(m.windowReminderAt).toEqual(at);
    expect(m.events).toEqual([expect.objectContaining({ actorId: null, to: due.toISOString() })]);
    expect(m.verdict).toBe("PENDING");
  });

  it("is not sent before the last 48 hours, nor once the window has closed", async () => {
    const id = await heldMeeting(w, a);
    const due = await dueOf(id);
    expect(await remindClosingWindows(new Date(due.getTime() - 49 * HOUR))).toBe(0);
    expect(await remindClosingWindows(new Date(due.getTime() + 1000))).toBe(0);
    expect(await windowEmails()).toEqual([]);
    expect(await remindClosingWindows(new Date(due.getTime() - 48 * HOUR))).toBe(1);
  });

  it("is not sent once the client has given a verdict", async () => {
    const accepted = await heldMeeting(w, a);
    const disputed = await heldMeeting(w, a);
    await acceptMeeting(w.clientAdmin, accepted);
    await disputeMeeting(w.clientAdmin, disputed, [{ criterionId: a.criteria[0].id, reason: "x" }]);
    expect(await remindClosingWindows(new Date((await dueOf(accepted)).getTime() - 24 * HOUR))).toBe(0);
    expect(await windowEmails()).toEqual([]);
  });

  it("is not sent for a meeting that is not held", async () => {
    const noShow = await heldMeeting(w, a);
    await changeMeetingStatus(w.am, noShow, "NO_SHOW");
    await pastMeeting(w, a); // scheduled, attendance never recorded
    const soon = new Date(Date.now() + 7 * 24 * HOUR - 24 * HOUR);
    expect(await remindClosingWindows(soon)).toBe(0);
    expect(await windowEmails()).toEqual([]);
  });

  it("two sweeps at the same time send one reminder", async () => {
    const id = await heldMeeting(w, a);
    const at = new Date((await dueOf(id)).getTime() - 24 * HOUR);
    const [x, y] = await Promise.all([remindClosingWindows(at), remindClosingWindows(at)]);
    expect(x + y).toBe(1);
    expect((await windowEmails()).map((e) => e.to)).toEqual([w.clientAdmin.email]);
    expect(await prisma.meetingEvent.count({ where: { meetingId: id, type: "window_reminder" } })).toBe(1);
  });
});

describe("attendance reminder", () => {
  it("emails the client attendee once for a meeting past its time without attendance", async () => {
    const r = await logMeeting(w.sdr, w.campaign.id, input(a, { scheduledAt: new Date(Date.now() - HOUR), clientAttendeeId: w.clientMember.userId }), new Date(Date.now() - 72 * HOUR));
    expect(r.ok).toBe(true);
    const later = new Date(Date.now() + 2 * HOUR);
    expect(await remindMissingAttendance(later)).toBe(1);
    expect(await remindMissingAttendance(later)).toBe(0);
    // The attendee is reminded; the SDR gets an "attendance missing" notification (by email at once by default).
    expect((await prisma.emailOutbox.findMany({ where: { template: "meeting-reminder" } })).map((e) => e.to).sort()).toEqual([w.clientMember.email, w.sdr.email].sort());
    expect(await prisma.notification.count({ where: { kind: "ATTENDANCE_MISSING", userId: w.sdr.userId } })).toBe(1);
  });
});

describe("booked-under versions", () => {
  it("never change when newer versions are approved; disputes use the booked-under criteria", async () => {
    const id = await heldMeeting(w, a);
    await prisma.personaVersion.update({ where: { id: a.personaVersion.id }, data: { status: "SUPERSEDED" } });
    await prisma.definitionVersion.update({ where: { id: a.definitionVersion.id }, data: { status: "SUPERSEDED" } });
    const pv2 = await prisma.personaVersion.create({ data: { personaId: a.persona.id, number: 2, status: "APPROVED", name: "CFO v2", jobTitles: [], seniorities: [], departments: [], industries: [], geographies: [], exclusions: [] } });
    const draft = await prisma.definitionVersion.create({
      data: { definitionId: a.definition.id, number: 2, allowedChannels: ["VIDEO"], criteria: { create: [{ key: "decision_maker", label: "Decision maker", position: 0 }] } },
    });
    const dv2 = await prisma.definitionVersion.update({ where: { id: draft.id }, data: { status: "APPROVED" }, include: { criteria: true } });
    await rateMeeting(w.clientAdmin, id, { ratingOverall: 2 });
    expect(await code(disputeMeeting(w.clientAdmin, id, [{ criterionId: dv2.criteria[0].id, reason: "x" }]))).toBe("INVALID");
    await disputeMeeting(w.clientAdmin, id, [{ criterionId: a.criteria[0].id, reason: "x" }]);
    await resolveDispute(w.am, id, { decision: "DISPUTE_UPHELD", reasoning: "ok" });
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(m.personaVersionId).toBe(a.personaVersion.id);
    expect(m.definitionVersionId).toBe(a.definitionVersion.id);
    const fresh = await logMeeting(w.sdr, w.campaign.id, input(a, { personaVersionId: pv2.id, checks: [{ criterionId: dv2.criteria[0].id, met: true }] }));
    expect(fresh.ok).toBe(true);
    const n = await prisma.meeting.findUniqueOrThrow({ where: { id: fresh.ok ? fresh.meetingId : "" } });
    expect([n.personaVersionId, n.definitionVersionId]).toEqual([pv2.id, dv2.id]);
    // The old persona version is no longer offered.
    expect(await code(logMeeting(w.sdr, w.campaign.id, input(a)))).toBe("INVALID");
  });
});

describe("tenancy and internal data", () => {
  it("another client company, another agency or an unassigned SDR cannot read or change the meeting", async () => {
    const id = await pastMeeting(w, a);
    const other = await createAgencyWithClient();
    const sameAgencyClient = await createAgencyWithClient();
    for (const actor of [other.clientAdmin, other.clientMember, other.am, other.admin, other.sdr, w.otherSdr, sameAgencyClient.clientAdmin]) {
      expect(await code(getMeeting(actor, id))).toBe("NOT_FOUND");
      expect(await code(changeMeetingStatus(actor, id, "HELD"))).toBe("NOT_FOUND");
      expect((await listMeetings(actor, {})).total).toBe(0);
    }
  });

  it("internal notes and internal comments are never shown to clients", async () => {
    const id = await pastMeeting(w, a);
    await updateInternalNotes(w.am, id, "Prospect was hesitant");
    await addMeetingComment(w.sdr, id, "internal remark", true);
    await addMeetingComment(w.clientMember, id, "See you there", false);
    expect(await code(addMeetingComment(w.clientAdmin, id, "x", true))).toBe("FORBIDDEN");
    expect(await code(updateInternalNotes(w.clientAdmin, id, "x"))).toBe("FORBIDDEN");
    const client = await getMeeting(w.clientMember, id);
    expect(client.internalNotes).toBeNull();
    expect(client.comments.map((c) => c.body)).toEqual(["See you there"]);
    const agency = await getMeeting(w.am, id);
    expect(agency.internalNotes).toBe("Prospect was hesitant");
    expect(agency.comments).toHaveLength(2);
  });
});

describe("the permissions matrix, action by action and role by role", () => {
  type Who = "admin" | "am" | "sdr" | "assignedOtherSdr" | "clientAdmin" | "clientMember";
  const WHO: Who[] = ["admin", "am", "sdr", "assignedOtherSdr", "clientAdmin", "clientMember"];
  const actorOf = (who: Who) => (who === "assignedOtherSdr" ? w.otherSdr : w[who]);
  type Setup = "past" | "future" | "held" | "disputed";
  const prepare = async (setup: Setup) => {
    if (setup === "future") {
      const r = await logMeeting(w.sdr, w.campaign.id, input(a));
      return r.ok ? r.meetingId : "";
    }
    const id = await pastMeeting(w, a);
    if (setup === "held" || setup === "disputed") await changeMeetingStatus(w.am, id, "HELD");
    if (setup === "disputed") await disputeMeeting(w.clientAdmin, id, [{ criterionId: a.criteria[0].id, reason: "x" }]);
    return id;
  };
  const ACTIONS: { name: string; setup: Setup; run: (actor: Actor, id: string) => Promise<unknown>; expect: Record<Who, string> }[] = [
    { name: "mark held", setup: "past", run: (x, id) => changeMeetingStatus(x, id, "HELD"), expect: { admin: "OK", am: "OK", sdr: "OK", assignedOtherSdr: "NOT_FOUND", clientAdmin: "OK", clientMember: "OK" } },
    { name: "mark no-show", setup: "past", run: (x, id) => changeMeetingStatus(x, id, "NO_SHOW"), expect: { admin: "OK", am: "OK", sdr: "OK", assignedOtherSdr: "NOT_FOUND", clientAdmin: "OK", clientMember: "OK" } },
    { name: "cancel", setup: "future", run: (x, id) => changeMeetingStatus(x, id, "CANCELLED"), expect: { admin: "OK", am: "OK", sdr: "OK", assignedOtherSdr: "NOT_FOUND", clientAdmin: "OK", clientMember: "OK" } },
    {
      name: "reschedule",
      setup: "future",
      run: (x, id) => changeMeetingStatus(x, id, "RESCHEDULE", { newTime: new Date(Date.now() + 9 * 86400_000) }),
      expect: { admin: "OK", am: "OK", sdr: "OK", assignedOtherSdr: "NOT_FOUND", clientAdmin: "OK", clientMember: "OK" },
    },
    { name: "rate", setup: "held", run: (x, id) => rateMeeting(x, id, { ratingOverall: 4 }), expect: { admin: "FORBIDDEN", am: "FORBIDDEN", sdr: "FORBIDDEN", assignedOtherSdr: "FORBIDDEN", clientAdmin: "OK", clientMember: "OK" } },
    { name: "accept", setup: "held", run: (x, id) => acceptMeeting(x, id), expect: { admin: "FORBIDDEN", am: "FORBIDDEN", sdr: "FORBIDDEN", assignedOtherSdr: "FORBIDDEN", clientAdmin: "OK", clientMember: "FORBIDDEN" } },
    {
      name: "dispute",
      setup: "held",
      run: (x, id) => disputeMeeting(x, id, [{ criterionId: a.criteria[1].id, reason: "No need" }]),
      expect: { admin: "FORBIDDEN", am: "FORBIDDEN", sdr: "FORBIDDEN", assignedOtherSdr: "FORBIDDEN", clientAdmin: "OK", clientMember: "FORBIDDEN" },
    },
    {
      name: "resolve",
      setup: "disputed",
      run: (x, id) => resolveDispute(x, id, { decision: "DISPUTE_REJECTED", reasoning: "Recording" }),
      expect: { admin: "OK", am: "OK", sdr: "FORBIDDEN", assignedOtherSdr: "FORBIDDEN", clientAdmin: "FORBIDDEN", clientMember: "FORBIDDEN" },
    },
    {
      name: "outcome",
      setup: "held",
      run: (x, id) => recordOutcome(x, id, { opportunityCreated: true, pipelineValue: 100, won: false }),
      expect: { admin: "FORBIDDEN", am: "FORBIDDEN", sdr: "FORBIDDEN", assignedOtherSdr: "FORBIDDEN", clientAdmin: "OK", clientMember: "OK" },
    },
  ];

  it("matches the matrix of DESIGN.md for every action and role", async () => {
    await prisma.campaignAssignment.create({ data: { campaignId: w.campaign.id, userId: w.otherSdr.userId } });
    const got: string[] = [];
    const want: string[] = [];
    for (const action of ACTIONS)
      for (const who of WHO) {
        const id = await prepare(action.setup);
        got.push(`${action.name} by ${who}: ${await code(action.run(actorOf(who), id))}`);
        want.push(`${action.name} by ${who}: ${action.expect[who]}`);
      }
    expect(got).toEqual(want);
  }, 120_000);

  it("refuses transitions the state does not allow, whoever asks", async () => {
    const cancelled = await prepare("future");
    await changeMeetingStatus(w.am, cancelled, "CANCELLED");
    expect(await code(changeMeetingStatus(w.admin, cancelled, "HELD"))).toBe("INVALID");
    expect(await code(changeMeetingStatus(w.admin, cancelled, "CANCELLED"))).toBe("INVALID");
    const held = await prepare("held");
    expect(await code(changeMeetingStatus(w.admin, held, "CANCELLED"))).toBe("INVALID");
    expect(await code(changeMeetingStatus(w.admin, held, "RESCHEDULE", { newTime: new Date(Date.now() + 86400_000) }))).toBe("INVALID");
    const scheduled = await prepare("past");
    expect(await code(acceptMeeting(w.clientAdmin, scheduled))).toBe("INVALID");
    expect(await code(rateMeeting(w.clientMember, scheduled, { ratingOverall: 3 }))).toBe("INVALID");
    expect(await code(recordOutcome(w.clientMember, scheduled, { opportunityCreated: true, pipelineValue: null, won: null }))).toBe("INVALID");
    expect(await code(resolveDispute(w.am, held, { decision: "DISPUTE_UPHELD", reasoning: "x" }))).toBe("INVALID");
    await acceptMeeting(w.clientAdmin, held);
    expect(await code(disputeMeeting(w.clientAdmin, held, [{ criterionId: a.criteria[0].id, reason: "x" }]))).toBe("INVALID");
    expect(await code(changeMeetingStatus(w.clientMember, held, "NO_SHOW"))).toBe("INVALID");
  });
});

describe("editing what was logged", () => {
  it("the SDR (or AM) edits until the client reviews; never the booked-under versions; the history names the fields", async () => {
    const id = await pastMeeting(w, a);
    const edit = { prospectName: "Sophie Laurent-Morel", prospectEmail: "SOPHIE@morel.test", prospectCompany: "Transports Morel", durationMinutes: 60, channel: "PHONE" as const, discoveryNeed: "Close in 3 days" };
    expect(await code(editMeeting(w.clientAdmin, id, edit))).toBe("FORBIDDEN");
    expect(await code(editMeeting(w.otherSdr, id, edit))).toBe("NOT_FOUND");
    expect(await code(editMeeting(w.sdr, id, edit))).toBe("OK");
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(m).toMatchObject({ prospectName: "Sophie Laurent-Morel", prospectEmail: "sophie@morel.test", durationMinutes: 60, channel: "PHONE", personaVersionId: a.personaVersion.id, definitionVersionId: a.definitionVersion.id });
    const ev = await prisma.meetingEvent.findFirstOrThrow({ where: { meetingId: id, type: "edited" } });
    expect((ev.data as { fields: string[] }).fields.sort()).toEqual(["channel", "discoveryNeed", "durationMinutes", "prospectEmail", "prospectName", "prospectTitle"].sort());
    await changeMeetingStatus(w.am, id, "HELD");
    await rateMeeting(w.clientMember, id, { ratingOverall: 3 });
    expect(await code(editMeeting(w.am, id, edit))).toBe("INVALID");
  });
});
