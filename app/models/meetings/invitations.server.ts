// Calendar invitations: when a meeting is booked, rescheduled or cancelled, its client attendee (and the prospect, when
// the campaign says so) receives an email with the meeting as an .ics attachment. The UID is the meeting's and the
// SEQUENCE its revision after the change, so the recipient's calendar updates the same event. Written to the outbox in
// the change's transaction; the caller hands the ids to its effects collector.
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendEmail } from "~/services/email.server";
import { isLocale, translate, type Locale } from "~/i18n";
import { invitationIcs, organizerFrom, type IcsMeeting } from "~/domain/meetings/ics";
import { formatMeetingTime } from "./notifications.server";

export type InvitationKind = "booked" | "rescheduled" | "cancelled";

/** Countries whose prospects get the French invitation (others get English). */
const FRENCH_COUNTRIES = new Set(["FR", "BE", "CH", "LU", "MC", "CA"]);

function origin() {
  return env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** The description lines of a meeting's event in `locale`: what an attendee needs, never internal notes. */
export function eventDescription(
  locale: Locale,
  m: { campaign: string; channel: string; timeZone: string; discoveryNeed?: string; sdr?: string; url?: string },
) {
  const channel = translate(locale, `meetings.channel.${m.channel}`);
  return [
    translate(locale, "calendar.event.campaign", { campaign: m.campaign }),
    translate(locale, "calendar.event.channel", { channel }),
    translate(locale, "calendar.event.timeZone", { timeZone: m.timeZone }),
    m.sdr ? translate(locale, "calendar.event.sdr", { sdr: m.sdr }) : null,
    m.discoveryNeed ? translate(locale, "calendar.event.need", { need: m.discoveryNeed }) : null,
    m.url ? translate(locale, "calendar.event.open", { url: m.url }) : null,
  ]
    .filter(Boolean)
    .join("\n");
}

/** Writes the meeting's invitations (or cancellations) to the outbox; returns their ids. None for a meeting already over. */
export async function sendCalendarInvitations(
  tx: Tx,
  meetingId: string,
  kind: InvitationKind,
  now = new Date(),
  /** Only this client user (an attendee replaced in the edit form gets the cancellation), not the prospect. */
  only?: { attendeeUserId: string },
): Promise<string[]> {
  const m = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      agencyId: true,
      campaignId: true,
      revision: true,
      scheduledAt: true,
      durationMinutes: true,
      timeZone: true,
      channel: true,
      location: true,
      discoveryNeed: true,
      prospectName: true,
      prospectEmail: true,
      prospectCompany: true,
      prospectCountry: true,
      agency: { select: { name: true } },
      clientCompany: { select: { name: true } },
      campaign: { select: { name: true, invitesProspect: true } },
      sdr: { select: { name: true } },
      clientAttendee: { select: { name: true, email: true, locale: true, memberships: { select: { agencyId: true, clientCompanyId: true, deactivatedAt: true } } } },
      clientCompanyId: true,
    },
  });
  if (m.scheduledAt.getTime() + m.durationMinutes * 60_000 <= now.getTime()) return [];
  const candidate = only
    ? await tx.user.findUnique({ where: { id: only.attendeeUserId }, select: { name: true, email: true, locale: true, memberships: { select: { agencyId: true, clientCompanyId: true, deactivatedAt: true } } } })
    : m.clientAttendee;
  // A member deactivated since the meeting was booked no longer hears from the portal (issue 9).
  const attendee =
    candidate && candidate.memberships.some((x) => x.agencyId === m.agencyId && x.clientCompanyId === m.clientCompanyId && !x.deactivatedAt) ? candidate : null;
  const prospect = !only && m.campaign.invitesProspect && m.prospectEmail ? { name: m.prospectName, email: m.prospectEmail } : null;
  if (!attendee && !prospect) return [];
  const e = env();
  const organizer = organizerFrom(e.EMAIL_FROM, m.agency.name);
  const everyone = [...(attendee ? [{ email: attendee.email, name: attendee.name }] : []), ...(prospect ? [prospect] : [])];
  const method = kind === "cancelled" ? "CANCEL" : "REQUEST";
  const url = `${origin()}/campaigns/${m.campaignId}/meetings/${m.id}`;
  const ids: string[] = [];

  const write = async (to: string, locale: Locale, forProspect: boolean) => {
    const summary = forProspect
      ? translate(locale, "calendar.event.summaryProspect", { client: m.clientCompany.name })
      : translate(locale, "calendar.event.summary", { prospect: m.prospectName, company: m.prospectCompany });
    const event: IcsMeeting = {
      id: m.id,
      revision: m.revision,
      scheduledAt: m.scheduledAt,
      durationMinutes: m.durationMinutes,
      timeZone: m.timeZone,
      summary,
      description: forProspect
        ? eventDescription(locale, { campaign: m.clientCompany.name, channel: m.channel, timeZone: m.timeZone })
        : eventDescription(locale, { campaign: m.campaign.name, channel: m.channel, timeZone: m.timeZone, discoveryNeed: m.discoveryNeed, sdr: m.sdr.name, url }),
      location: m.location,
      url: forProspect ? undefined : url,
    };
    const ics = invitationIcs(event, method, organizer, everyone);
    const row = await sendEmail(tx, {
      to,
      template: "meeting-invitation",
      locale,
      agencyId: m.agencyId,
      props: {
        locale,
        agency: m.agency.name,
        kind,
        summary,
        when: formatMeetingTime(locale, m.scheduledAt, m.timeZone),
        campaign: m.campaign.name,
        url: forProspect ? null : url,
        prospect: forProspect,
      },
      attachments: [{ filename: kind === "cancelled" ? "cancel.ics" : "invite.ics", contentType: `text/calendar; charset=utf-8; method=${method}`, content: ics }],
    });
    ids.push(row.id);
  };

  if (attendee) await write(attendee.email, isLocale(attendee.locale) ? attendee.locale : "en", false);
  if (prospect) {
    const locale: Locale = m.prospectCountry ? (FRENCH_COUNTRIES.has(m.prospectCountry.toUpperCase()) ? "fr" : "en") : attendee && isLocale(attendee.locale) ? attendee.locale : "fr";
    await write(prospect.email, locale, true);
  }
  return ids;
}
