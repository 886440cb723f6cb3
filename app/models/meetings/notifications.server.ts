// Who is told what when a meeting changes: each notice is written to the email outbox inside the change's
// transaction (one email per recipient, in their language), and delivered after the commit.
import type { Tx } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { sendEmailToEach } from "~/services/email.server";
import { formatDate, translate, type Locale } from "~/i18n";
import { writeNotifications } from "~/models/notifications/write.server";

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

/** The client's users are notified in the inbox; only those who chose (or whose role defaults to) email at once get one. */
export async function notifyBooked(tx: Tx, meetingId: string, actorUserId?: string) {
  const m = await meetingForEmail(tx, meetingId);
  const { emailUserIds } = await writeNotifications(tx, {
    agencyId: m.agencyId,
    campaignId: m.campaignId,
    meetingId: m.id,
    kind: "MEETING_BOOKED",
    href: `/campaigns/${m.campaignId}/meetings/${m.id}`,
    actorUserId,
    text: (locale) => {
      const p = { ...baseProps(m, locale), sdr: m.sdr.name };
      return {
        title: translate(locale, "notifications.meetingBooked.title", { prospect: p.prospect, company: p.company }),
        body: translate(locale, "notifications.meetingBooked.body", { sdr: p.sdr, campaign: p.campaign, when: p.when }),
      };
    },
  });
  const recipients = (await clientUsers(tx, m)).filter((u) => emailUserIds.has(u.id));
  return sendEmailToEach(tx, recipients, {
    template: "meeting-booked",
    agencyId: m.agencyId,
    props: (locale) => ({ ...baseProps(m, locale), sdr: m.sdr.name }),
  });
}

export async function notifyDisputed(tx: Tx, meetingId: string, actor: Actor, criteria: string[]) {
  const m = await meetingForEmail(tx, meetingId);
  let recipients = [m.campaign.accountManager ?? m.clientCompany.accountManager].filter((x): x is { email: string; locale: Locale | null } => Boolean(x));
  if (!recipients.length)
    recipients = await tx.user.findMany({ where: { memberships: { some: { agencyId: m.agencyId, role: "AGENCY_ADMIN" } } }, select: { email: true, locale: true } });
  return sendEmailToEach(tx, recipients, {
    template: "meeting-disputed",
    agencyId: m.agencyId,
    props: (locale) => ({ ...baseProps(m, locale), client: m.clientCompany.name, by: actor.name, criteria }),
  });
}

export async function notifyResolved(tx: Tx, meetingId: string, actor: Actor, upheld: boolean, reasoning: string) {
  const m = await meetingForEmail(tx, meetingId);
  return sendEmailToEach(tx, [...(await clientUsers(tx, m)), m.sdr], {
    template: "meeting-resolved",
    agencyId: m.agencyId,
    props: (locale) => ({ ...baseProps(m, locale), upheld, reasoning, by: actor.name }),
  });
}

/** The client admins (who give the verdict) learn the meeting is held and until when they may dispute it. */
export async function notifyHeld(tx: Tx, meetingId: string, actor: Actor, due: Date) {
  const m = await meetingForEmail(tx, meetingId);
  const admins = (await clientUsers(tx, m, ["CLIENT_ADMIN"])).filter((u) => u.email !== actor.email);
  return sendEmailToEach(tx, admins, {
    template: "meeting-held",
    agencyId: m.agencyId,
    props: (locale) => ({ ...baseProps(m, locale), due: formatDate(locale, due, { dateStyle: "full", timeStyle: "short", timeZone: m.timeZone }) }),
  });
}

export async function notifyWindowClosing(tx: Tx, meetingId: string, due: Date) {
  const m = await meetingForEmail(tx, meetingId);
  return sendEmailToEach(tx, await clientUsers(tx, m, ["CLIENT_ADMIN"]), {
    template: "meeting-window-closing",
    agencyId: m.agencyId,
    props: (locale) => ({ ...baseProps(m, locale), due: formatMeetingTime(locale, due, m.timeZone) }),
  });
}

export async function notifyReminder(tx: Tx, meetingId: string) {
  const m = await meetingForEmail(tx, meetingId);
  const recipients = m.clientAttendee ? [m.clientAttendee] : await clientUsers(tx, m, ["CLIENT_ADMIN"]);
  return sendEmailToEach(tx, recipients, { template: "meeting-reminder", agencyId: m.agencyId, props: (locale) => baseProps(m, locale) });
}
