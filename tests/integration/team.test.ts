// Team management: deactivating a member ends their sessions at once and keeps their history; reactivating and
// changing a role stay within what the actor may grant; another organization's member is out of reach.
import { prisma } from "~/utils/db.server";
import { actorForUser, createSession, getActor, login } from "~/utils/auth.server";
import { changeMemberRole, deactivateMember, getManagedMember, reactivateMember } from "~/models/team.server";
import { listSdrs } from "~/models/client.server";
import { createAgencyWithClient, createMember, DEFAULT_PASSWORD } from "../factories";
import { expectDomainError, requestWithSession } from "./helpers";

async function emailOf(userId: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).email;
}

describe("deactivating a member", () => {
  it("signs them out everywhere, refuses their sign-in with a clear reason, tells them by email and keeps their history", async () => {
    const w = await createAgencyWithClient({ clientName: "Acme Logistique" });
    const session = await createSession(w.clientMember.userId, "test");
    const email = await emailOf(w.clientMember.userId);
    expect(await getActor(await requestWithSession(session.id))).not.toBeNull();

    await deactivateMember(w.clientAdmin, w.clientMember.membershipId);

    expect(await prisma.session.count({ where: { userId: w.clientMember.userId } })).toBe(0);
    expect(await getActor(await requestWithSession(session.id))).toBeNull();
    expect(await actorForUser(w.clientMember.userId)).toBeNull();
    expect(await login(email, DEFAULT_PASSWORD, "10.0.0.1")).toEqual({ ok: false, reason: "deactivated" });
    // A wrong password still says nothing more than "incorrect".
    expect(await login(email, "not-the-password", "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    const sent = await prisma.emailOutbox.findMany({ where: { to: email, template: "access-deactivated" } });
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toContain("Acme Logistique");
    // The user and membership rows stay (meetings, comments and history point at them).
    const membership = await prisma.membership.findUniqueOrThrow({ where: { id: w.clientMember.membershipId } });
    expect(membership.deactivatedAt).not.toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { agencyId: w.agency.id, type: "member.deactivated" } });
    expect(audit).toMatchObject({ actorId: w.clientAdmin.userId, clientCompanyId: w.client.id });

    await reactivateMember(w.clientAdmin, w.clientMember.membershipId);
    expect(await login(email, DEFAULT_PASSWORD, "10.0.0.3")).toMatchObject({ ok: true });
    expect((await actorForUser(w.clientMember.userId))?.role).toBe("CLIENT_MEMBER");
  });

  it("takes a deactivated SDR out of the people a campaign can be staffed with", async () => {
    const w = await createAgencyWithClient();
    expect((await listSdrs(w.admin)).map((u) => u.id)).toContain(w.otherSdr.userId);
    await deactivateMember(w.admin, w.otherSdr.membershipId);
    expect((await listSdrs(w.admin)).map((u) => u.id)).not.toContain(w.otherSdr.userId);
  });
});

describe("who may manage whom", () => {
  it("a client admin reaches their company's members only; never the agency's, another company's or themselves", async () => {
    const w = await createAgencyWithClient();
    const other = await createAgencyWithClient();
    const sameAgencyOtherClient = await prisma.clientCompany.create({ data: { agencyId: w.agency.id, name: "Globex", currency: "EUR" } });
    const globexMember = await createMember(w.agency.id, "CLIENT_MEMBER", { clientCompanyId: sameAgencyOtherClient.id });
    expect(await getManagedMember(w.clientAdmin, w.clientMember.membershipId)).not.toBeNull();
    for (const target of [w.sdr, w.admin, w.clientAdmin, globexMember, other.clientMember]) {
      expect(await getManagedMember(w.clientAdmin, target.membershipId)).toBeNull();
      await expectDomainError(deactivateMember(w.clientAdmin, target.membershipId), "NOT_FOUND");
    }
    for (const actor of [w.am, w.sdr, w.clientMember]) await expectDomainError(deactivateMember(actor, w.clientAdmin.membershipId), "NOT_FOUND");
    // An agency admin reaches everyone of the agency, but not another agency's people.
    expect(await getManagedMember(w.admin, globexMember.membershipId)).not.toBeNull();
    await expectDomainError(deactivateMember(w.admin, other.sdr.membershipId), "NOT_FOUND");
  });

  it("changes a role only to one the actor may grant on the member's side, and records it", async () => {
    const w = await createAgencyWithClient();
    expect(await changeMemberRole(w.clientAdmin, w.clientMember.membershipId, "SDR")).toEqual({ ok: false, error: "agency.team.roleNotAllowed" });
    expect(await changeMemberRole(w.clientAdmin, w.clientMember.membershipId, "CLIENT_MEMBER")).toEqual({ ok: false, error: "agency.team.roleUnchanged" });
    expect(await changeMemberRole(w.clientAdmin, w.clientMember.membershipId, "CLIENT_ADMIN")).toEqual({ ok: true, role: "CLIENT_ADMIN" });
    expect((await actorForUser(w.clientMember.userId))?.role).toBe("CLIENT_ADMIN");
    expect(await changeMemberRole(w.admin, w.sdr.membershipId, "CLIENT_ADMIN")).toEqual({ ok: false, error: "agency.team.roleNotAllowed" });
    expect(await changeMemberRole(w.admin, w.sdr.membershipId, "ACCOUNT_MANAGER")).toEqual({ ok: true, role: "ACCOUNT_MANAGER" });
    expect(await prisma.auditEvent.count({ where: { agencyId: w.agency.id, type: "member.role_changed" } })).toBe(2);
  });
});
