// Who is told what when a meeting changes: each event writes its notifications (every recipient's inbox, in their
// language) and, for those whose choice is an email at once, the email to the outbox, inside the change's
// transaction (app/models/notifications/write.server.ts); the outbox ids go to the change's collector.
import type { Tx } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { sendEmailToEach } from "~/services/email.server";
import { formatDate, translate, type Locale } from "~/i18n";
import { notify } from "~/models/notifications/write.server";

function origin() {
  return env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** The meeting's time as the recipients read it: in the prospect's zone, named. */
export function formatMeetingTime(locale: Locale, at: Date, timeZone: string) {
  return `${formatDate(locale, at, { dateStyle: "full", timeStyle: "short", timeZone })} (${timeZone})`;
}

async function meetingForEmail(tx: Tx, meetingId: string) {
  return tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      campaignId: true,
      clientCompanyId: true,
      agencyId: true,
      prospectName: true,
      prospectCompany: true,
      scheduledAt: true,
      timeZone: true,
      agency: { select: { name: true } },
      campaign: { select: { name: true, accountManager: { select: { email: true, locale: true } } } },
      clientCompany: { select: { name: true, accountManager: { select: { email: true, locale: true } } } },
      sdr: { select: { name: true, email: true, locale: true } },
      clientAttendee: { select: { email: true, locale: true } },
      sdrId: true,
      clientAttendeeId: true,
    },
  });
}
type EmailMeeting = Awaited<ReturnType<typeof meetingForEmail>>;

function baseProps(m: EmailMeeting, locale: Locale) {
  return {
    locale,
    agency: m.agency.name,
    campaign: m.campaign.name,
    prospect: m.prospectName,
    company: m.prospectCompany,
    when: formatMeetingTime(locale, m.scheduledAt, m.timeZone),
    url: `${origin()}/campaigns/${m.campaignId}/meetings/${m.id}`,
  };
}

function clientUsers(tx: Tx, m: EmailMeeting, roles: ("CLIENT_ADMIN" | "CLIENT_MEMBER")[] = ["CLIENT_ADMIN", "CLIENT_MEMBER"]) {
  return tx.user.findMany({
    where: { memberships: { some: { agencyId: m.agencyId, clientCompanyId: m.clientCompanyId, role: { in: roles } } } },
    select: { id: true, email: true, locale: true },
  });
}

function hrefOf(m: EmailMeeting) {
  return `/campaigns/${m.campaignId}/meetings/${m.id}`;
}

function about(m: EmailMeeting) {
  return { agencyId: m.agencyId, campaignId: m.campaignId, meetingId: m.id, href: hrefOf(m) };
}

/** The client's users are notified in the inbox; only those who chose (or whose role defaults to) email at once get one. */
export async function notifyBooked(tx: Tx, meetingId: string, actorUserId?: string) {
  const m = await meetingForEmail(tx, meetingId);
  return notify(
    tx,
    {
      ...about(m),
      kind: "MEETING_BOOKED",
      actorUserId,
      text: (locale) => {
        const p = { ...baseProps(m, locale), sdr: m.sdr.name };
        return {
          title: translate(locale, "notifications.meetingBooked.title", { prospect: p.prospect, company: p.company }),
          body: translate(locale, "notifications.meetingBooked.body", { sdr: p.sdr, campaign: p.campaign, when: p.when }),
        };
      },
    },
    { template: "meeting-booked", props: (locale) => ({ ...baseProps(m, locale), sdr: m.sdr.name }) },
  );
}

/**
 * Issue 9: a CSV import that created several meetings is announced once per recipient (MEETING_BOOKED, on their
 * channel: one email at once, one digest line or the inbox), not once per row; an import of one meeting is
 * announced as a logged one (notifyBooked).
 */
export async function notifyImported(
  tx: Tx,
  job: { agencyId: string; campaignId: string; count: number; importer: { userId: string; name: string } },
) {
  const c = await tx.campaign.findUniqueOrThrow({ where: { id: job.campaignId }, select: { name: true, agency: { select: { name: true } } } });
  const href = `/campaigns/${job.campaignId}/meetings`;
  return notify(
    tx,
    {
      agencyId: job.agencyId,
      campaignId: job.campaignId,
      href,
      kind: "MEETING_BOOKED",
      actorUserId: job.importer.userId,
      text: (locale) => ({
        title: translate(locale, "notifications.meetingsImported.title", { count: formatCount(locale, job.count), campaign: c.name }),
        body: translate(locale, "notifications.meetingsImported.body", { by: job.importer.name }),
      }),
    },
    {
      template: "meetings-imported",
      props: (locale) => ({ locale, agency: c.agency.name, campaign: c.name, count: job.count, by: job.importer.name, url: `${origin()}${href}` }),
    },
  );
}

function formatCount(locale: Locale, n: number) {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB").format(n);
}

/** The agency (the campaign's AM at once by default, the admins in their digest) learns of a dispute. */
export async function notifyDisputed(tx: Tx, meetingId: string, actor: Actor, criteria: string[]) {
  const m = await meetingForEmail(tx, meetingId);
  return notify(
    tx,
    {
      ...about(m),
      kind: "DISPUTE_OPENED",
      actorUserId: actor.userId,
      text: (locale) => ({
        title: translate(locale, "notifications.disputeOpened.title", { client: m.clientCompany.name, prospect: m.prospectName }),
        body: translate(locale, "notifications.disputeOpened.body", { by: actor.name, criteria: criteria.join(", ") }),
      }),
    },
    { template: "meeting-disputed", props: (locale) => ({ ...baseProps(m, locale), client: m.clientCompany.name, by: actor.name, criteria }) },
  );
}

export async function notifyResolved(tx: Tx, meetingId: string, actor: Actor, upheld: boolean, reasoning: string) {
  const m = await meetingForEmail(tx, meetingId);
  return notify(
    tx,
    {
      ...about(m),
      kind: "DISPUTE_RESOLVED",
      actorUserId: actor.userId,
      text: (locale) => ({
        title: translate(locale, upheld ? "notifications.disputeResolved.upheld.title" : "notifications.disputeResolved.rejected.title", { prospect: m.prospectName }),
        body: translate(locale, "notifications.disputeResolved.body", { by: actor.name, reasoning }),
      }),
    },
    { template: "meeting-resolved", props: (locale) => ({ ...baseProps(m, locale), upheld, reasoning, by: actor.name }) },
  );
}

/** The client admins (who give the verdict) learn the meeting is held and until when they may dispute it. */
export async function notifyHeld(tx: Tx, meetingId: string, actor: Actor | null, due: Date) {
  const m = await meetingForEmail(tx, meetingId);
  const dueText = (locale: Locale) => formatDate(locale, due, { dateStyle: "full", timeStyle: "short", timeZone: m.timeZone });
  return notify(
    tx,
    {
      ...about(m),
      kind: "MEETING_TO_REVIEW",
      actorUserId: actor?.userId,
      text: (locale) => ({
        title: translate(locale, "notifications.meetingToReview.title", { prospect: m.prospectName }),
        body: translate(locale, "notifications.meetingToReview.body", { company: m.prospectCompany, campaign: m.campaign.name, due: dueText(locale) }),
      }),
    },
    { template: "meeting-held", props: (locale) => ({ ...baseProps(m, locale), due: dueText(locale) }) },
  );
}

export async function notifyWindowClosing(tx: Tx, meetingId: string, due: Date) {
  const m = await meetingForEmail(tx, meetingId);
  return notify(
    tx,
    {
      ...about(m),
      kind: "DISPUTE_WINDOW_CLOSING",
      text: (locale) => ({
        title: translate(locale, "notifications.windowClosing.title", { prospect: m.prospectName, company: m.prospectCompany }),
        body: translate(locale, "notifications.windowClosing.body", { due: formatMeetingTime(locale, due, m.timeZone) }),
      }),
    },
    { template: "meeting-window-closing", props: (locale) => ({ ...baseProps(m, locale), due: formatMeetingTime(locale, due, m.timeZone) }) },
  );
}

/**
 * A meeting ended an hour ago without held or no-show: the client attendee (else the client admins) is reminded by
 * email as before (they are the ones who know), and the agency (SDR, AM) gets an "attendance missing" notification.
 */
export async function notifyReminder(tx: Tx, meetingId: string) {
  const m = await meetingForEmail(tx, meetingId);
  const recipients = m.clientAttendee ? [m.clientAttendee] : await clientUsers(tx, m, ["CLIENT_ADMIN"]);
  const reminders = await sendEmailToEach(tx, recipients, { template: "meeting-reminder", agencyId: m.agencyId, props: (locale) => baseProps(m, locale) });
  const notices = await notify(
    tx,
    {
      ...about(m),
      kind: "ATTENDANCE_MISSING",
      text: (locale) => ({
        title: translate(locale, "notifications.attendanceMissing.title", { prospect: m.prospectName, company: m.prospectCompany }),
        body: translate(locale, "notifications.attendanceMissing.body", { when: formatMeetingTime(locale, m.scheduledAt, m.timeZone), campaign: m.campaign.name }),
      }),
    },
    { template: "meeting-reminder", props: (locale) => baseProps(m, locale) },
  );
  return [...reminders, ...notices];
}

/**
 * Issue 9: a day before a meeting without attendance is presumed held, its client attendee (else the client admins)
 * and its SDR are reminded, each in their language and on the channel they chose.
 */
export async function notifyPresumption(tx: Tx, meetingId: string, due: Date) {
  const m = await meetingForEmail(tx, meetingId);
  const client = m.clientAttendeeId ? [m.clientAttendeeId] : (await clientUsers(tx, m, ["CLIENT_ADMIN"])).map((u) => u.id);
  const dueText = (locale: Locale) => formatMeetingTime(locale, due, m.timeZone);
  return notify(
    tx,
    {
      ...about(m),
      kind: "ATTENDANCE_PRESUMPTION",
      onlyUserIds: [m.sdrId, ...client],
      text: (locale) => ({
        title: translate(locale, "notifications.attendancePresumption.title", { prospect: m.prospectName, company: m.prospectCompany }),
        body: translate(locale, "notifications.attendancePresumption.body", { due: dueText(locale) }),
      }),
    },
    { template: "meeting-presumption", props: (locale) => ({ ...baseProps(m, locale), due: dueText(locale) }) },
  );
}

/** Issue 9: a client member flags a meeting to the client admins (who accept or dispute it), with a note. */
export async function notifyFlagged(tx: Tx, meetingId: string, actor: Actor, note: string) {
  const m = await meetingForEmail(tx, meetingId);
  return notify(
    tx,
    {
      ...about(m),
      kind: "MEETING_FLAGGED",
      actorUserId: actor.userId,
      text: (locale) => ({
        title: translate(locale, "notifications.meetingFlagged.title", { by: actor.name, prospect: m.prospectName }),
        body: translate(locale, "notifications.meetingFlagged.body", { note }),
      }),
    },
    { template: "meeting-flagged", props: (locale) => ({ ...baseProps(m, locale), by: actor.name, note }) },
  );
}
