// The shared core of every meeting change: the actor's scope (another tenant's meeting, or another SDR's, is
// NOT_FOUND), loading a meeting for a change, the conditional update on its revision (two people acting at once: the
// second gets CONFLICT, never a lost update), the history row. Rules live in app/domain/meetings/rules.ts.
import type { Tx } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import type { MeetingFacts } from "~/domain/meetings/rules";
import type { Prisma } from "~/generated/prisma/client";
import { campaignScope } from "../scope.server";

/** Meetings the actor may see: campaigns in their scope; an SDR sees the meetings they booked. */
export function meetingScope(actor: Actor): Prisma.MeetingWhereInput {
  return {
    agencyId: actor.agencyId,
    campaign: campaignScope(actor),
    ...(actor.role === "SDR" ? { sdrId: actor.userId } : {}),
  };
}

/** Refuses a change: a domain error the route shows next to the field (or as 403 for a forbidden one). */
export const fail = (reason: string, field?: string): never => {
  if (reason === "common.forbiddenBody") throw new DomainError("FORBIDDEN", reason);
  throw new DomainError("INVALID", reason, field);
};

const factsSelect = {
  id: true,
  agencyId: true,
  clientCompanyId: true,
  campaignId: true,
  status: true,
  verdict: true,
  sdrId: true,
  scheduledAt: true,
  timeZone: true,
  reviewDueAt: true,
  ratedAt: true,
  revision: true,
  definitionVersionId: true,
} satisfies Prisma.MeetingSelect;
export type Loaded = Prisma.MeetingGetPayload<{ select: typeof factsSelect }>;

/** The meeting, in the actor's scope, with the facts the rules need (NOT_FOUND outside it). */
export async function loadForChange(tx: Tx, actor: Actor, meetingId: string): Promise<Loaded> {
  const m = await tx.meeting.findFirst({ where: { AND: [meetingScope(actor), { id: meetingId }] }, select: factsSelect });
  if (!m) throw notFound();
  return m;
}

export const facts = (m: Loaded): MeetingFacts => ({ ...m });

/** Applies an update only if nobody changed the meeting since it was read (its revision), else CONFLICT. */
export async function applyChange(tx: Tx, m: Loaded, expectedRevision: number | undefined, data: Prisma.MeetingUpdateManyMutationInput) {
  if (expectedRevision !== undefined && expectedRevision !== m.revision) throw new DomainError("CONFLICT", "common.errors.conflict");
  const r = await tx.meeting.updateMany({ where: { id: m.id, revision: m.revision }, data: { ...data, revision: { increment: 1 } } });
  if (r.count === 0) throw new DomainError("CONFLICT", "common.errors.conflict");
}

/** One row of the meeting's history: who, what, from, to. */
export function event(tx: Tx, meetingId: string, actorId: string | null, type: string, from: string | null, to: string | null, data: Prisma.InputJsonValue = {}) {
  return tx.meetingEvent.create({ data: { meetingId, actorId, type, from, to, data } });
}
