import { prisma } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import { DomainError } from "~/domain/shared/errors";

/**
 * Whether this address may be invited to this organisation (the agency when `clientCompanyId` is null).
 * - Already a member of it: said so (the inviter sees that team anyway).
 * - A member of another organisation of the agency: a client admin gets the same answer as for any address (the
 *   invitation is written; accepting it says the account already belongs to the agency), so a client cannot
 *   probe who works at the agency or at another client. Agency roles see every team, so they are told.
 * - A pending invitation from another organisation: refused with a neutral message; it is not revoked (only the
 *   inviter's own organisation's pending invitation is replaced, in createInvitation).
 */
export async function assertInvitable(actor: Actor, email: string, clientCompanyId: string | null) {
  const member = await prisma.membership.findFirst({ where: { agencyId: actor.agencyId, user: { email } }, select: { clientCompanyId: true } });
  if (member && (actor.role !== "CLIENT_ADMIN" || member.clientCompanyId === clientCompanyId)) {
    throw new DomainError("CONFLICT", "agency.team.alreadyMember", "email");
  }
  const otherOrganisation = clientCompanyId === null ? { clientCompanyId: { not: null } } : { OR: [{ clientCompanyId: null }, { clientCompanyId: { not: clientCompanyId } }] };
  const pendingElsewhere = await prisma.invitation.count({
    where: { agencyId: actor.agencyId, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() }, ...otherOrganisation },
  });
  if (pendingElsewhere) throw new DomainError("CONFLICT", "security.invite.unavailable", "email");
}
