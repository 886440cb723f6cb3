// Managing the members of an organization: deactivate (sessions end at once, history stays), reactivate, change a
// role within what the actor may grant. Agency admins manage everyone of the agency, client admins their company.
import { prisma } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import { withChange } from "./effects.server";
import { audit } from "./audit.server";
import { sendEmail } from "~/services/email.server";
import { assignableRoles, canManageMember, type Role } from "~/domain/shared/permissions";
import { notFound } from "~/domain/shared/errors";
import { isLocale } from "~/i18n";

/** The memberships the actor may see on a member page: the agency's for its admin, the company's for a client admin. */
function memberScope(actor: Actor) {
  if (actor.role === "AGENCY_ADMIN") return { agencyId: actor.agencyId };
  if (actor.role === "CLIENT_ADMIN" && actor.clientCompanyId) return { agencyId: actor.agencyId, clientCompanyId: actor.clientCompanyId };
  return { id: "__none__" };
}

const memberSelect = {
  id: true,
  role: true,
  createdAt: true,
  deactivatedAt: true,
  clientCompanyId: true,
  clientCompany: { select: { name: true } },
  user: { select: { id: true, name: true, email: true, locale: true } },
} as const;

/** One member the actor may manage, with the roles they may give; null (a 404) otherwise. */
export async function getManagedMember(actor: Actor, membershipId: string) {
  const member = await prisma.membership.findFirst({ where: { id: membershipId, ...memberScope(actor) }, select: memberSelect });
  if (!member || !canManageMember(actor, member)) return null;
  return { ...member, roles: assignableRoles(actor.role, member) };
}

async function requireManaged(actor: Actor, membershipId: string) {
  const member = await getManagedMember(actor, membershipId);
  if (!member) throw notFound();
  return member;
}

/** Ends the member's access: no sign-in from now on, every session of theirs deleted, an email to tell them. */
export async function deactivateMember(actor: Actor, membershipId: string) {
  const member = await requireManaged(actor, membershipId);
  if (member.deactivatedAt) return member;
  await withChange(async (tx, fx) => {
    await tx.membership.update({ where: { id: member.id }, data: { deactivatedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: member.user.id } });
    const locale = isLocale(member.user.locale) ? member.user.locale : "en";
    const email = await sendEmail(tx, {
      to: member.user.email,
      template: "access-deactivated",
      locale,
      agencyId: actor.agencyId,
      props: { locale, by: actor.name, organization: member.clientCompany?.name ?? actor.agencyName, agency: actor.agencyName },
    });
    fx.emails([email.id]);
    await audit(tx, actor, "member.deactivated", { clientCompanyId: member.clientCompanyId }, { member: member.user.name, email: member.user.email });
  });
  return member;
}

export async function reactivateMember(actor: Actor, membershipId: string) {
  const member = await requireManaged(actor, membershipId);
  if (!member.deactivatedAt) return member;
  await withChange(async (tx) => {
    await tx.membership.update({ where: { id: member.id }, data: { deactivatedAt: null } });
    await audit(tx, actor, "member.reactivated", { clientCompanyId: member.clientCompanyId }, { member: member.user.name, email: member.user.email });
  });
  return member;
}

export type RoleChange = { ok: true; role: Role } | { ok: false; error: "agency.team.roleNotAllowed" | "agency.team.roleUnchanged" };

/** Gives the member another role among those the actor may grant on the member's side. */
export async function changeMemberRole(actor: Actor, membershipId: string, role: Role): Promise<RoleChange> {
  const member = await requireManaged(actor, membershipId);
  if (!member.roles.includes(role)) return { ok: false, error: "agency.team.roleNotAllowed" };
  if (member.role === role) return { ok: false, error: "agency.team.roleUnchanged" };
  await withChange(async (tx) => {
    await tx.membership.update({ where: { id: member.id }, data: { role } });
    await audit(tx, actor, "member.role_changed", { clientCompanyId: member.clientCompanyId }, { member: member.user.name, from: member.role, to: role });
  });
  return { ok: true, role };
}
