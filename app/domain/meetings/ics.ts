// iCalendar text for meetings: the invitation attached to an email (METHOD:REQUEST when booked or rescheduled,
// METHOD:CANCEL when cancelled) and the subscribed feed. Every meeting keeps one UID (its id) and its revision as
// SEQUENCE, so a calendar updates the same event instead of adding one. Times are written as UTC instants
// (DTSTART:...Z): ical-generator 8 writes a native Date's UTC digits under a TZID label, which would shift the event
// (docs/decisions/0043-calendar-invitations.md); the meeting's own zone is named in the description.
import ical, { ICalCalendarMethod, ICalEventStatus, ICalAttendeeRole, ICalAttendeeStatus } from "ical-generator";

export type IcsMeeting = {
  id: string;
  /** The meeting's revision after the change: the event's SEQUENCE. */
  revision: number;
  scheduledAt: Date;
  durationMinutes: number;
  timeZone: string;
  summary: string;
  description: string;
  location?: string | null;
  url?: string;
};

export type InvitationMethod = "REQUEST" | "CANCEL";

/** The UID every calendar knows the meeting by (the feed and the invitations share it). */
export const meetingUid = (meetingId: string) => `${meetingId}@rendezvous`;

const PROD_ID = { company: "Rendezvous", product: "meetings" };

/** One invitation or cancellation for one meeting, addressed to its attendees, organised by the sender. */
export function invitationIcs(
  m: IcsMeeting,
  method: InvitationMethod,
  organizer: { name: string; email: string },
  attendees: { email: string; name?: string }[],
) {
  const cal = ical({ prodId: PROD_ID, method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  const event = cal.createEvent({
    id: meetingUid(m.id),
    sequence: m.revision,
    start: m.scheduledAt,
    end: new Date(m.scheduledAt.getTime() + m.durationMinutes * 60_000),
    stamp: new Date(),
    summary: m.summary,
    description: m.description,
    location: m.location ?? undefined,
    url: m.url,
    organizer,
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  for (const a of attendees) {
    event.createAttendee({
      email: a.email,
      name: a.name,
      role: ICalAttendeeRole.REQ,
      status: method === "CANCEL" ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.NEEDSACTION,
      rsvp: method !== "CANCEL",
    });
  }
  return cal.toString();
}

/** A subscribed feed: the meetings as confirmed events, the calendar named as given. */
export function feedIcs(name: string, meetings: IcsMeeting[]) {
  const cal = ical({ name, prodId: PROD_ID });
  for (const m of meetings) {
    cal.createEvent({
      id: meetingUid(m.id),
      sequence: m.revision,
      start: m.scheduledAt,
      end: new Date(m.scheduledAt.getTime() + m.durationMinutes * 60_000),
      summary: m.summary,
      description: m.description,
      location: m.location ?? undefined,
      url: m.url,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** The sender of the invitations, from an EMAIL_FROM like `Name <address>` or a bare address. */
export function organizerFrom(emailFrom: string, fallbackName: string) {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(emailFrom);
  if (m) return { name: m[1].trim() || fallbackName, email: m[2].trim() };
  return { name: fallbackName, email: emailFrom.trim() };
}
