import { prisma } from "~/utils/db.server";
import { assertCan, createSession, hashPassword, hashToken, newToken, verifyPassword, type Actor } from "~/utils/auth.server";
import { DomainError, forbidden, notFound } from "~/domain/shared/errors";
import { invitableRoles, isAgencyRole, type Role } from "~/domain/shared/permissions";
import type { Prisma } from "~/generated/prisma/client";
import { sendEmail } from "~/services/email.server";
import { enqueueEmails } from "~/services/queue.server";
import type { Locale } from "~/i18n";
import { clientScope } from "./scope.server";
import { audit } from "./audit.server";
import { assertInvitable } from "./invitations/invitable.server";

export const INVITATION_DAYS = 7;

/** Invitations the actor may see and manage. */
export function invitationScope(actor: Actor): Prisma.InvitationWhereInput {
  switch (actor.role) {
    case "AGENCY_ADMIN":
      return { agencyId: actor.agencyId };
    case "ACCOUNT_MANAGER":
      return { agencyId: actor.agencyId, clientCompany: clientScope(actor) };
    case "CLIENT_ADMIN":
      return { agencyId: actor.agencyId, clientCompanyId: actor.clientCompanyId ?? "__none__" };
    default:
      return { id: "__none__" };
  }
}

export type InvitationInput = { email: string; name?: string; role: Role; clientCompanyId?: string; locale: Locale };

/** Checks that the actor may invite this role to this organization, and returns the organization's name. */
async function organizationFor(actor: Actor, role: Role, clientCompanyId?: string) {
  if (!invitableRoles(actor.role).includes(role)) throw forbidden();
  if (isAgencyRole(role)) {
    if (clientCompanyId) throw new DomainError("INVALID", "common.errors.invalid", "clientCompanyId");
    return { name: actor.agencyName, clientCompanyId: null };
  }
  const target = actor.role === "CLIENT_ADMIN" ? actor.clientCompanyId : clientCompanyId;
  if (!target) throw new DomainError("INVALID", "common.errors.required", "clientCompanyId");
  const client = await prisma.clientCompany.findFirst({ where: { AND: [clientScope(actor), { id: target }] }, select: { id: true, name: true } });
  if (!client) throw new DomainError("INVALID", "common.errors.invalid", "clientCompanyId");
  return { name: client.name, clientCompanyId: client.id };
}

/**
 * Invites someone to the agency or to a client company: writes the invitation and its email in one transaction.
 * The link is single-use and expires after 7 days.
 */
export async function createInvitation(actor: Actor, input: InvitationInput, origin: string) {
  const team = actor.role === "CLIENT_ADMIN" ? "team:invite-client" : isAgencyRole(input.role) ? "team:invite-agency" : "team:invite-client";
  assertCan(actor, team);
  const org = await organizationFor(actor, input.role, input.clientCompanyId);
  await assertInvitable(actor, input.email, org.clientCompanyId);
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86400_000);
  const result = await prisma.$transaction(async (tx) => {
    // A new invitation to the same address and organization replaces the pending one.
    await tx.invitation.updateMany({
      where: { agencyId: actor.agencyId, clientCompanyId: org.clientCompanyId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.create({
      data: {
        agencyId: actor.agencyId,
        clientCompanyId: org.clientCompanyId,
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash,
        invitedById: actor.userId,
        expiresAt,
      },
    });
    const email = await sendEmail(tx, {
      to: input.email,
      template: "invitation",
      locale: input.locale,
      agencyId: actor.agencyId,
      props: {
        locale: input.locale,
        inviter: actor.name,
        organization: org.name,
        agency: actor.agencyName,
        role: input.role,
        url: `${origin}/invitations/${token}`,
        expiresAt: expiresAt.toISOString(),
      },
    });
    await audit(tx, actor, "invitation.created", { clientCompanyId: org.clientCompanyId }, { email: input.email, role: input.role });
    return { invitation, emailId: email.id };
  });
  await enqueueEmails([result.emailId]);
  return { invitation: result.invitation, token };
}

/** Pending invitations (not accepted, not revoked) the actor may manage. */
export function listPendingInvitations(actor: Actor, filter: { clientCompanyId?: string | null } = {}) {
  return prisma.invitation.findMany({
    where: {
      AND: [invitationScope(actor), { acceptedAt: null, revokedAt: null }, filter.clientCompanyId !== undefined ? { clientCompanyId: filter.clientCompanyId } : {}],
    },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      clientCompany: { select: { id: true, name: true } },
      invitedBy: { select: { name: true } },
    },
  });
}

async function pendingInvitation(actor: Actor, invitationId: string) {
  const inv = await prisma.invitation.findFirst({
    where: { AND: [invitationScope(actor), { id: invitationId, acceptedAt: null, revokedAt: null }] },
    include: { clientCompany: { select: { name: true } } },
  });
  if (!inv) throw notFound();
  return inv;
}

/** Sends a pending invitation again with a fresh link (the old one stops working) and a fresh 7 days. */
export async function resendInvitation(actor: Actor, invitationId: string, locale: Locale, origin: string) {
  const inv = await pendingInvitation(actor, invitationId);
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86400_000);
  const emailId = await prisma.$transaction(async (tx) => {
    await tx.invitation.update({ where: { id: inv.id }, data: { tokenHash, expiresAt } });
    const email = await sendEmail(tx, {
      to: inv.email,
      template: "invitation",
      locale,
      agencyId: actor.agencyId,
      props: {
        locale,
        inviter: actor.name,
        organization: inv.clientCompany?.name ?? actor.agencyName,
        agency: actor.agencyName,
        role: inv.role,
        url: `${origin}/invitations/${token}`,
        expiresAt: expiresAt.toISOString(),
      },
    });
    await audit(tx, actor, "invitation.resent", { clientCompanyId: inv.clientCompanyId }, { email: inv.email });
    return email.id;
  });
  await enqueueEmails([emailId]);
  return { token };
}

export async function revokeInvitation(actor: Actor, invitationId: string) {
  const inv = await pendingInvitation(actor, invitationId);
  await prisma.$transaction(async (tx) => {
    await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
    await audit(tx, actor, "invitation.revoked", { clientCompanyId: inv.clientCompanyId }, { email: inv.email });
  });
}

export type InvitationState = "valid" | "invalid" | "expired" | "used" | "revoked";

/** Looks an invitation up by the token of its link (public: the token is the credential). */
export async function findInvitationByToken(token: string) {
  const inv = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      agency: { select: { name: true } },
      clientCompany: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!inv) return { state: "invalid" as const, invitation: null, existingUser: false };
  const state: InvitationState = inv.acceptedAt ? "used" : inv.revokedAt ? "revoked" : inv.expiresAt < new Date() ? "expired" : "valid";
  const user = await prisma.user.findUnique({ where: { email: inv.email }, select: { passwordHash: true } });
  return { state, invitation: inv, existingUser: Boolean(user?.passwordHash) };
}

/**
 * Accepts an invitation: creates the user (or, for an existing account, checks its password), adds the membership,
 * marks the invitation used, and opens a session. Single use even under concurrent clicks.
 */
export async function acceptInvitation(token: string, input: { name?: string; password: string; locale: Locale; userAgent?: string | null }) {
  const found = await findInvitationByToken(token);
  if (found.state !== "valid" || !found.invitation) throw new DomainError("INVALID", `auth.invite.${found.state}`);
  const inv = found.invitation;
  const existing = await prisma.user.findUnique({ where: { email: inv.email } });
  if (existing?.passwordHash && !(await verifyPassword(existing.passwordHash, input.password))) {
    throw new DomainError("INVALID", "auth.invite.wrongPassword", "password");
  }
  if (!existing?.passwordHash && !input.name) throw new DomainError("INVALID", "common.errors.required", "name");
  const passwordHash = existing?.passwordHash ?? (await hashPassword(input.password));
  const userId = await prisma.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count === 0) throw new DomainError("INVALID", "auth.invite.used");
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { passwordHash, name: existing.passwordHash ? existing.name : input.name! } })
      : await tx.user.create({ data: { email: inv.email, name: input.name!, passwordHash, locale: input.locale } });
    const member = await tx.membership.findUnique({ where: { userId_agencyId: { userId: user.id, agencyId: inv.agencyId } } });
    if (member) throw new DomainError("CONFLICT", "auth.invite.alreadyMember");
    await tx.membership.create({ data: { userId: user.id, agencyId: inv.agencyId, clientCompanyId: inv.clientCompanyId, role: inv.role } });
    await audit(tx, { agencyId: inv.agencyId, userId: user.id }, "invitation.accepted", { clientCompanyId: inv.clientCompanyId }, { email: inv.email, role: inv.role });
    return user.id;
  });
  const session = await createSession(userId, input.userAgent);
  return { userId, sessionId: session.id };
}
