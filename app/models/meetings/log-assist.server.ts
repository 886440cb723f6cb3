// What the log form reads to save a practised SDR typing: the repeating fields of the SDR's last meeting on the
// campaign, and the meetings already logged on the campaign for a prospect email (a possible duplicate, flagged while
// the email is typed). Both are scoped like every meeting read: another tenant's or another SDR's meeting is invisible.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { CHANNELS, type Channel } from "~/domain/meetings/rules";
import { email as emailSchema } from "~/domain/shared/validation";
import { notFound } from "~/domain/shared/errors";
import { campaignScope } from "../scope.server";
import { meetingScope } from "./change.server";

export type LogDefaults = {
  personaVersionId: string;
  durationMinutes: number;
  channel: Channel;
  clientAttendeeId: string | null;
  timeZone: string;
};

/** The last meeting this actor logged (or, for an SDR, booked) on the campaign: one indexed read, or null. */
export async function lastMeetingDefaults(actor: Actor, campaignId: string): Promise<LogDefaults | null> {
  assertCan(actor, "meeting:log");
  const last = await prisma.meeting.findFirst({
    where: {
      AND: [meetingScope(actor), { campaignId }, actor.role === "SDR" ? { sdrId: actor.userId } : { createdById: actor.userId }],
    },
    orderBy: { createdAt: "desc" },
    select: { personaVersionId: true, durationMinutes: true, channel: true, clientAttendeeId: true, timeZone: true },
  });
  if (!last || !(CHANNELS as readonly string[]).includes(last.channel)) return null;
  return { ...last, channel: last.channel as Channel };
}

export type PossibleDuplicate = { id: string; prospectName: string; scheduledAt: string; status: string };

/**
 * Meetings of the campaign (not cancelled) with this prospect email that the actor may see: at most three. A campaign
 * outside the actor's scope is NOT_FOUND, whatever the email.
 */
export async function possibleDuplicates(actor: Actor, campaignId: string, rawEmail: string): Promise<PossibleDuplicate[]> {
  assertCan(actor, "meeting:log");
  const parsed = emailSchema.safeParse(rawEmail);
  const [campaign, rows] = await Promise.all([
    prisma.campaign.findFirst({ where: { AND: [campaignScope(actor), { id: campaignId }] }, select: { id: true } }),
    parsed.success
      ? prisma.meeting.findMany({
          where: { AND: [meetingScope(actor), { campaignId, prospectEmail: parsed.data.trim().toLowerCase(), status: { not: "CANCELLED" } }] },
          orderBy: { scheduledAt: "desc" },
          take: 3,
          select: { id: true, prospectName: true, scheduledAt: true, status: true },
        })
      : Promise.resolve([]),
  ]);
  if (!campaign) throw notFound();
  return rows.map((r) => ({ ...r, scheduledAt: r.scheduledAt.toISOString() }));
}
