// Invitations: the email and its single-use link, acceptance (new and existing accounts), and who may invite whom.
import { prisma } from "~/utils/db.server";
import { getActor, login, type Actor } from "~/utils/auth.server";
import {
  acceptInvitation,
  createInvitation,
  findInvitationByToken,
  listPendingInvitations,
  resendInvitation,
  revokeInvitation,
  type InvitationInput,
} from "~/models/invitation.server";
import { createClient } from "~/models/client.server";
import type { Locale } from "~/i18n";
import { createAgencyWithClient, createMember, DEFAULT_PASSWORD, type AgencyWorld } from "../factories";
import { domainError, expectDomainError, requestWithSession } from "./helpers";

const origin = "https://portal.example";
const linkPattern = /https:\/\/portal\.example\/invitations\/([A-Za-z0-9_-]+)/;

function invite(actor: Actor, input: Partial<InvitationInput> & Pick<InvitationInput, "role">) {
  return createInvitation(actor, { email: `new-${Math.random().toString(36).slice(2)}@acme.test`, locale: "en", ...input }, origin);
}

async function emailTo(to: string) {
  return prisma.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
}

describe("creating an invitation", () => {
  it("writes the invitation and its email, whose link is the token", async () => {
    const w = await createAgencyWithClient({ clientName: "Acme Logistique" });
    const { invitation, token } = await createInvitation(
      w.am,
      { email: "sophie@acme.test", name: "Sophie Durand", role: "CLIENT_ADMIN", clientCompanyId: w.client.id, locale: "fr" },
      origin,
    );
    expect(invitation).toMatchObject({ agencyId: w.agency.id, clientCompanyId: w.client.id, role: "CLIENT_ADMIN", email: "sophie@acme.test", invitedById: w.am.userId });
    expect(invitation.tokenHash).not.toBe(token);
    expect(invitation.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86400_000);

    const [email] = await emailTo("sophie@acme.test");
    expect(email).toMatchObject({ template: "invitation", locale: "fr", agencyId: w.agency.id, status: "HELD" });
    expect(email.subject).toBe(`${w.am.name} vous invite à rejoindre Acme Logistique sur Rendezvous`);
    expect(email.text.match(linkPattern)?.[1]).toBe(token);
    expect(email.html).toContain(`${origin}/invitations/${token}`);
    expect(await prisma.auditEvent.count({ where: { type: "invitation.created", actorId: w.am.userId } })).toBe(1);
    expect((await findInvitationByToken(token)).state).toBe("valid");
  });

  it("writes nothing when the email cannot be written (one transaction)", async () => {
    const w = await createAgencyWithClient();
    const first = await invite(w.admin, { email: "tom@acme.test", role: "CLIENT_MEMBER", clientCompanyId: w.client.id });
    // An unknown locale makes the outbox insert fail after the invitation (and the revocation of the pending one) were written.
    await expect(invite(w.admin, { email: "tom@acme.test", role: "CLIENT_MEMBER", clientCompanyId: w.client.id, locale: "de" as Locale })).rejects.toThrow();
    const rows = await prisma.invitation.findMany({ where: { email: "tom@acme.test" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.invitation.id, revokedAt: null });
    expect(await emailTo("tom@acme.test")).toHaveLength(1);
  });

  it("replaces a pending invitation to the same address", async () => {
    const w = await createAgencyWithClient();
    const first = await invite(w.admin, { email: "tom@acme.test", role: "CLIENT_MEMBER", clientCompanyId: w.client.id });
    const second = await invite(w.admin, { email: "tom@acme.test", role: "CLIENT_ADMIN", clientCompanyId: w.client.id });
    expect((await findInvitationByToken(first.token)).state).toBe("revoked");
    expect((await findInvitationByToken(second.token)).state).toBe("valid");
    expect((await listPendingInvitations(w.admin)).map((i) => i.id)).toEqual([second.invitation.id]);
  });

  it("refuses to invite someone who is already a member", async () => {
    const w = await createAgencyWithClient();
    const e = await expectDomainError(invite(w.admin, { email: w.clientMember.email, role: "CLIENT_ADMIN", clientCompanyId: w.client.id }), "CONFLICT");
    expect(e.field).toBe("email");
  });
});

describe("accepting an invitation", () => {
  let w: AgencyWorld;
  beforeEach(async () => {
    w = await createAgencyWithClient();
  });

  it("creates the user, the membership with the invited role and company, and a session", async () => {
    const { token, invitation } = await invite(w.am, { email: "new.member@acme.test", role: "CLIENT_MEMBER", clientCompanyId: w.client.id });
    const { userId, sessionId } = await acceptInvitation(token, { name: "New Member", password: "a-long-password", locale: "fr", userAgent: "Vitest" });

    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } });
    expect(user).toMatchObject({ email: "new.member@acme.test", name: "New Member", locale: "fr" });
    expect(user.memberships).toMatchObject([{ agencyId: w.agency.id, clientCompanyId: w.client.id, role: "CLIENT_MEMBER" }]);
    expect(await getActor(await requestWithSession(sessionId))).toMatchObject({ userId, role: "CLIENT_MEMBER", clientCompanyId: w.client.id });
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ acceptedAt: expect.any(Date) });
    expect(await login("new.member@acme.test", "a-long-password", "10.1.0.1")).toEqual({ ok: true, userId });
  });

  it("works once: a second use is refused", async () => {
    const { token } = await invite(w.admin, { role: "SDR" });
    await acceptInvitation(token, { name: "First", password: "a-long-password", locale: "en" });
    expect((await findInvitationByToken(token)).state).toBe("used");
    const e = await expectDomainError(acceptInvitation(token, { name: "Second", password: "another-password", locale: "en" }), "INVALID");
    expect(e.messageKey).toBe("auth.invite.used");
    expect(await prisma.membership.count({ where: { agencyId: w.agency.id, role: "SDR" } })).toBe(3);
  });

  it("refuses an expired invitation", async () => {
    const { token, invitation } = await invite(w.admin, { role: "SDR" });
    await prisma.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await findInvitationByToken(token)).state).toBe("expired");
    const e = await expectDomainError(acceptInvitation(token, { name: "Late", password: "a-long-password", locale: "en" }), "INVALID");
    expect(e.messageKey).toBe("auth.invite.expired");
    expect(await prisma.user.count({ where: { email: invitation.email } })).toBe(0);
  });

  it("refuses a revoked invitation", async () => {
    const { token, invitation } = await invite(w.admin, { role: "CLIENT_ADMIN", clientCompanyId: w.client.id });
    await revokeInvitation(w.admin, invitation.id);
    const e = await expectDomainError(acceptInvitation(token, { name: "Too Late", password: "a-long-password", locale: "en" }), "INVALID");
    expect(e.messageKey).toBe("auth.invite.revoked");
    expect(await listPendingInvitations(w.admin)).toEqual([]);
    // A revoked invitation cannot be revoked or resent again.
    await expectDomainError(revokeInvitation(w.admin, invitation.id), "NOT_FOUND");
    await expectDomainError(resendInvitation(w.admin, invitation.id, "en", origin), "NOT_FOUND");
  });

  it("refuses an unknown token", async () => {
    expect((await findInvitationByToken("nope")).state).toBe("invalid");
    expect((await domainError(acceptInvitation("nope", { name: "X", password: "a-long-password", locale: "en" }))).messageKey).toBe("auth.invite.invalid");
  });

  it("resend emails a new link and the old one stops working", async () => {
    const { token: oldToken, invitation } = await invite(w.am, { email: "late@acme.test", role: "CLIENT_MEMBER", clientCompanyId: w.client.id });
    await prisma.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const { token: newToken } = await resendInvitation(w.am, invitation.id, "fr", origin);
    expect(newToken).not.toBe(oldToken);

    const emails = await emailTo("late@acme.test");
    expect(emails).toHaveLength(2);
    expect(emails[1].text.match(linkPattern)?.[1]).toBe(newToken);
    expect(emails[1].locale).toBe("fr");

    expect((await findInvitationByToken(oldToken)).state).toBe("invalid");
    await expectDomainError(acceptInvitation(oldToken, { name: "Late", password: "a-long-password", locale: "en" }), "INVALID");
    // A fresh 7 days, so an expired invitation can be resent.
    expect((await findInvitationByToken(newToken)).state).toBe("valid");
    await acceptInvitation(newToken, { name: "Late", password: "a-long-password", locale: "en" });
  });

  it("asks an existing user for their password and keeps their account as it is", async () => {
    const other = await createAgencyWithClient();
    const existing = other.sdr; // has an account in another agency
    const { token } = await invite(w.admin, { email: existing.email, role: "ACCOUNT_MANAGER" });
    expect((await findInvitationByToken(token)).existingUser).toBe(true);

    const e = await expectDomainError(acceptInvitation(token, { password: "not-the-password", locale: "en" }), "INVALID");
    expect(e).toMatchObject({ messageKey: "auth.invite.wrongPassword", field: "password" });
    expect((await findInvitationByToken(token)).state).toBe("valid");

    const { userId } = await acceptInvitation(token, { name: "Someone Else", password: DEFAULT_PASSWORD, locale: "fr" });
    expect(userId).toBe(existing.userId);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: { orderBy: { createdAt: "asc" } } } });
    expect(user.name).toBe(existing.name);
    expect(user.memberships.map((m) => [m.agencyId, m.role])).toEqual([
      [other.agency.id, "SDR"],
      [w.agency.id, "ACCOUNT_MANAGER"],
    ]);
    expect(await login(existing.email, DEFAULT_PASSWORD, "10.1.0.2")).toMatchObject({ ok: true });
  });

  it("lets exactly one of two concurrent accepts succeed", async () => {
    const { token, invitation } = await invite(w.admin, { email: "race@acme.test", role: "CLIENT_MEMBER", clientCompanyId: w.client.id });
    const results = await Promise.allSettled([
      acceptInvitation(token, { name: "Tab One", password: "a-long-password", locale: "en" }),
      acceptInvitation(token, { name: "Tab Two", password: "a-long-password", locale: "en" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject({ code: "INVALID", messageKey: "auth.invite.used" });
    expect(await prisma.user.count({ where: { email: "race@acme.test" } })).toBe(1);
    expect(await prisma.membership.count({ where: { user: { email: "race@acme.test" } } })).toBe(1);
    expect(await prisma.session.count({ where: { user: { email: "race@acme.test" } } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { type: "invitation.accepted" } })).toBe(1);
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ acceptedAt: expect.any(Date) });
  });
});

describe("who may invite whom", () => {
  let w: AgencyWorld;
  let otherClient: { id: string };
  beforeEach(async () => {
    w = await createAgencyWithClient();
    otherClient = await createClient(w.admin, { name: "Nordwind Software", currency: "EUR" }); // no lead AM
  });

  it("an admin invites any role, agency roles without a company", async () => {
    for (const role of ["AGENCY_ADMIN", "ACCOUNT_MANAGER", "SDR"] as const) {
      expect((await invite(w.admin, { role })).invitation).toMatchObject({ role, clientCompanyId: null });
    }
    expect((await invite(w.admin, { role: "CLIENT_ADMIN", clientCompanyId: otherClient.id })).invitation.clientCompanyId).toBe(otherClient.id);
    expect(await domainError(invite(w.admin, { role: "SDR", clientCompanyId: w.client.id }))).toMatchObject({ code: "INVALID", field: "clientCompanyId" });
    expect(await domainError(invite(w.admin, { role: "CLIENT_MEMBER" }))).toMatchObject({ code: "INVALID", field: "clientCompanyId" });
  });

  it("an AM cannot invite agency roles", async () => {
    for (const role of ["AGENCY_ADMIN", "ACCOUNT_MANAGER", "SDR"] as const) await expectDomainError(invite(w.am, { role }), "FORBIDDEN");
    expect(await prisma.invitation.count()).toBe(0);
  });

  it("an AM invites only to their own clients", async () => {
    expect((await invite(w.am, { role: "CLIENT_ADMIN", clientCompanyId: w.client.id })).invitation.clientCompanyId).toBe(w.client.id);
    expect(await domainError(invite(w.am, { role: "CLIENT_ADMIN", clientCompanyId: otherClient.id }))).toMatchObject({ code: "INVALID", field: "clientCompanyId" });
    expect(await prisma.invitation.count({ where: { clientCompanyId: otherClient.id } })).toBe(0);
  });

  it("a client admin invites only client roles, only to their own company", async () => {
    expect((await invite(w.clientAdmin, { role: "CLIENT_MEMBER" })).invitation.clientCompanyId).toBe(w.client.id);
    // Naming another company does not get them in there.
    const attempt = await invite(w.clientAdmin, { role: "CLIENT_MEMBER", clientCompanyId: otherClient.id }).catch((e: Error) => e);
    expect(await prisma.invitation.count({ where: { clientCompanyId: otherClient.id } })).toBe(0);
    if (!(attempt instanceof Error)) expect(attempt.invitation.clientCompanyId).toBe(w.client.id);
    for (const role of ["AGENCY_ADMIN", "ACCOUNT_MANAGER", "SDR"] as const) await expectDomainError(invite(w.clientAdmin, { role }), "FORBIDDEN");
  });

  it("client members and SDRs cannot invite at all", async () => {
    for (const actor of [w.clientMember, w.sdr]) {
      for (const role of ["CLIENT_ADMIN", "CLIENT_MEMBER", "SDR"] as const) {
        await expectDomainError(invite(actor, { role, clientCompanyId: w.client.id }), "FORBIDDEN");
      }
    }
    expect(await prisma.invitation.count()).toBe(0);
    expect(await prisma.emailOutbox.count()).toBe(0);
  });

  it("nobody invites into another agency's client", async () => {
    const b = await createAgencyWithClient();
    for (const actor of [w.admin, w.am, w.clientAdmin]) {
      const result = await invite(actor, { role: "CLIENT_MEMBER", clientCompanyId: b.client.id }).catch((e: unknown) => e);
      if (actor.role !== "CLIENT_ADMIN") expect(result).toMatchObject({ code: "INVALID", field: "clientCompanyId" });
    }
    expect(await prisma.invitation.count({ where: { OR: [{ clientCompanyId: b.client.id }, { agencyId: b.agency.id }] } })).toBe(0);
  });

  it("an invitation of one agency never lists in another", async () => {
    await invite(w.admin, { role: "SDR" });
    const b = await createAgencyWithClient();
    expect(await listPendingInvitations(b.admin)).toEqual([]);
    const member = await createMember(b.agency.id, "CLIENT_ADMIN", { clientCompanyId: b.client.id });
    expect(await listPendingInvitations(member)).toEqual([]);
  });
});
