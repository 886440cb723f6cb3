// Issue 9: the list of replacement meetings owed (disputes upheld with a replacement promised, no replacement logged
// yet) on the campaigns an actor may see: the agency's to do, the client's to expect.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { campaignScope } from "../scope.server";

/** Replacements owed on the actor's campaigns (optionally one), oldest promise first, with their total (scoped: another client's never show). */
export async function replacementsOwed(actor: Actor, opts: { campaignId?: string; take?: number } = {}) {
  assertCan(actor, "campaign:read");
  const where: Prisma.MeetingWhereInput = {
    agencyId: actor.agencyId,
    replacementPromised: true,
    replacement: null,
    campaign: opts.campaignId ? { AND: [campaignScope(actor), { id: opts.campaignId }] } : campaignScope(actor),
  };
  const take = opts.take ?? 20;
  const items = await prisma.meeting.findMany({
    where,
    select: {
      id: true,
      prospectName: true,
      prospectCompany: true,
      scheduledAt: true,
      resolvedAt: true,
      campaign: { select: { id: true, name: true, status: true } },
      sdr: { select: { name: true } },
    },
    orderBy: [{ resolvedAt: "asc" }, { id: "asc" }],
    take,
  });
  // Counted only when the page is full: one statement on a home in the usual case.
  const total = items.length < take ? items.length : await prisma.meeting.count({ where });
  return { items, total };
}
