// The iCalendar feed: a secret per-user URL listing the upcoming meetings the user may see, for their calendar app,
// across their campaigns or for one campaign (?campaign=<id>). The token is derived from the server secret, the user
// and the feed's creation time (HMAC), so the calendar page can show it again while the database keeps only its
// SHA-256; resetting the feed (a new creation time) revokes every link at once.
import crypto from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { actorForUser, hashToken, type Actor } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { meetingScope } from "~/models/meetings/change.server";
import { campaignScope } from "~/models/scope.server";
import { feedIcs } from "~/domain/meetings/ics";
import { isLocale, translate, type Locale } from "~/i18n";
import { eventDescription } from "./invitations.server";

function feedToken(userId: string, createdAt: Date) {
  return crypto.createHmac("sha256", env().SESSION_SECRET).update(`calendar-feed:${userId}:${createdAt.getTime()}`).digest("base64url");
}

/** Creates or replaces the actor's feed (every old link stops working); returns the new token. */
export async function resetCalendarFeed(actor: Actor) {
  const createdAt = new Date();
  const token = feedToken(actor.userId, createdAt);
  const tokenHash = hashToken(token);
  const upsert = () => prisma.calendarFeed.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId, tokenHash, createdAt }, update: { tokenHash, createdAt } });
  try {
    await upsert();
  } catch (e) {
    // Two resets at once (a double click, the fuzz test): both found no row and both created; the loser updates the
    // row the winner made (found by the security fuzz as a 500).
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    await upsert();
  }
  return token;
}

export async function hasCalendarFeed(actor: Actor) {
  return (await prisma.calendarFeed.count({ where: { userId: actor.userId } })) > 0;
}

/**
 * The calendar page: the actor's token when it can be shown (null with `legacy` when the feed was made before tokens
 * were derived: it still works but cannot be shown again), and the campaigns they may subscribe to one by one.
 */
export async function calendarPage(actor: Actor) {
  const [feed, campaigns] = await Promise.all([
    prisma.calendarFeed.findUnique({ where: { userId: actor.userId }, select: { tokenHash: true, createdAt: true } }),
    prisma.campaign.findMany({
      where: { AND: [campaignScope(actor), { status: { not: "COMPLETED" } }] },
      select: { id: true, name: true, clientCompany: { select: { name: true } } },
      orderBy: { name: "asc" },
      take: 200,
    }),
  ]);
  let token: string | null = null;
  if (feed) {
    const derived = feedToken(actor.userId, feed.createdAt);
    if (hashToken(derived) === feed.tokenHash) token = derived;
  }
  return {
    exists: Boolean(feed),
    token,
    legacy: Boolean(feed) && token === null,
    campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, client: c.clientCompany.name })),
  };
}

/** The feed's ICS text, or null for an unknown token (or a campaign outside the user's scope). Optionally one campaign only. */
export async function calendarFeed(token: string, campaignId?: string, origin = "") {
  const feed = await prisma.calendarFeed.findUnique({ where: { tokenHash: hashToken(token) }, select: { userId: true } });
  if (!feed) return null;
  const actor = await actorForUser(feed.userId);
  if (!actor) return null;
  const locale: Locale = isLocale(actor.locale) ? actor.locale : "en";
  let name = translate(locale, "calendar.calendarName", { name: actor.clientCompanyName ?? actor.agencyName });
  if (campaignId) {
    const campaign = await prisma.campaign.findFirst({ where: { AND: [campaignScope(actor), { id: campaignId }] }, select: { name: true } });
    if (!campaign) return null;
    name = campaign.name;
  }
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
      prospectCompany: true,
      channel: true,
      location: true,
      discoveryNeed: true,
      revision: true,
      campaign: { select: { name: true } },
      sdr: { select: { name: true } },
    },
  });
  return feedIcs(
    name,
    meetings.map((m) => {
      const url = origin ? `${origin}/campaigns/${m.campaignId}/meetings/${m.id}` : undefined;
      return {
        id: m.id,
        revision: m.revision,
        scheduledAt: m.scheduledAt,
        durationMinutes: m.durationMinutes,
        timeZone: m.timeZone,
        summary: translate(locale, "calendar.event.summary", { prospect: m.prospectName, company: m.prospectCompany }),
        description: eventDescription(locale, { campaign: m.campaign.name, channel: m.channel, timeZone: m.timeZone, discoveryNeed: m.discoveryNeed, sdr: m.sdr.name, url }),
        location: m.location,
        url,
      };
    }),
  );
}
