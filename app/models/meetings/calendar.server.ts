// The iCalendar feed: a secret per-user URL (only its SHA-256 is stored) listing the upcoming meetings the user
// may see, for their calendar app. Resetting the link revokes the old one.
import ical, { ICalEventStatus } from "ical-generator";
import { prisma } from "~/utils/db.server";
import { actorForUser, hashToken, newToken, type Actor } from "~/utils/auth.server";
import { meetingScope } from "~/models/meetings/change.server";

/** Creates or replaces the actor's feed token; the token itself is shown once. */
export async function resetCalendarFeed(actor: Actor) {
  const { token, tokenHash } = newToken();
  await prisma.calendarFeed.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId, tokenHash }, update: { tokenHash, createdAt: new Date() } });
  return token;
}

export async function hasCalendarFeed(actor: Actor) {
  return (await prisma.calendarFeed.count({ where: { userId: actor.userId } })) > 0;
}

/** The feed's ICS text, or null for an unknown token. Optionally one campaign only. */
export async function calendarFeed(token: string, campaignId?: string, origin = "") {
  const feed = await prisma.calendarFeed.findUnique({ where: { tokenHash: hashToken(token) }, select: { userId: true } });
  if (!feed) return null;
  const actor = await actorForUser(feed.userId);
  if (!actor) return null;
  const meetings = await prisma.meeting.findMany({
    where: { AND: [meetingScope(actor), campaignId ? { campaignId } : {}, { status: "SCHEDULED", scheduledAt: { gte: new Date(Date.now() - 86400_000) } }] },
    orderBy: { scheduledAt: "asc" },
    take: 1000,
    select: {
      id: true,
      campaignId: true,
      scheduledAt: true,
      durationMinutes: true,
      timeZone: true,
      prospectName: true,
      prospectTitle: true,
      prospectCompany: true,
      channel: true,
      location: true,
      discoveryNeed: true,
      revision: true,
      campaign: { select: { name: true } },
    },
  });
  const cal = ical({ name: `Rendezvous · ${actor.clientCompanyName ?? actor.agencyName}`, prodId: { company: "Rendezvous", product: "meetings" } });
  for (const m of meetings) {
    cal.createEvent({
      id: `${m.id}@rendezvous`,
      sequence: m.revision,
      start: m.scheduledAt,
      end: new Date(m.scheduledAt.getTime() + m.durationMinutes * 60_000),
      summary: `${m.prospectName} · ${m.prospectCompany}`,
      description: [m.prospectTitle, m.campaign.name, m.channel, m.discoveryNeed].filter(Boolean).join("\n"),
      location: m.location ?? undefined,
      url: origin ? `${origin}/campaigns/${m.campaignId}/meetings/${m.id}` : undefined,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
