// Tenant scope: every model function applies the actor's scope in its query. Another agency's (or another client's)
// record is NOT_FOUND, never data; lists hold only what the role may see.
import { prisma } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import type { ErrorCode } from "~/domain/shared/errors";
import { createClient, getClient, listClients, updateClient } from "~/models/client.server";
import { campaignHistory, createCampaign, getCampaign, listCampaigns, setCampaignSdrs, updateCampaign } from "~/models/campaign.server";
import { createInvitation, listPendingInvitations, resendInvitation, revokeInvitation } from "~/models/invitation.server";
import { getOutboxEmail, listOutbox } from "~/models/email.server";
import { listTeam } from "~/models/user.server";
import { createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import { domainError } from "./helpers";

const origin = "https://portal.example";

type World = {
  a: AgencyWorld;
  b: AgencyWorld;
  /** A second client of agency A, led by another AM, with its own campaign, SDR and client users. */
  a2: { am: Actor; client: { id: string }; campaign: { id: string }; clientAdmin: Actor; clientMember: Actor };
  /** Pending invitations of A: to its agency, to client 1, to client 2; and one of B. */
  inv: { aAgency: string; aClient1: string; aClient2: string; b: string };
  /** An outbox email of each agency. */
  email: { a: string; b: string };
};

async function buildWorld(): Promise<World> {
  const a = await createAgencyWithClient({ clientName: "Acme Logistique", campaignName: "Acme outbound" });
  const b = await createAgencyWithClient({ clientName: "Beta Corp", campaignName: "Beta outbound" });
  const am2 = await createMember(a.agency.id, "ACCOUNT_MANAGER");
  const client2 = await createClient(a.admin, { name: "Nordwind Software", currency: "EUR", accountManagerId: am2.userId });
  const campaign2 = await createCampaign(am2, { clientCompanyId: client2.id, name: "Nordwind DACH" });
  await setCampaignSdrs(am2, campaign2.id, [a.otherSdr.userId]);
  const client2Admin = await createMember(a.agency.id, "CLIENT_ADMIN", { clientCompanyId: client2.id });
  const client2Member = await createMember(a.agency.id, "CLIENT_MEMBER", { clientCompanyId: client2.id });

  const send = (actor: Actor, email: string, role: "SDR" | "CLIENT_MEMBER", clientCompanyId?: string) =>
    createInvitation(actor, { email, role, clientCompanyId, locale: "en" }, origin).then((r) => r.invitation.id);
  const inv = {
    aAgency: await send(a.admin, "sdr.invitee@a.test", "SDR"),
    aClient1: await send(a.admin, "member.invitee@acme.test", "CLIENT_MEMBER", a.client.id),
    aClient2: await send(a.admin, "member.invitee@nordwind.test", "CLIENT_MEMBER", client2.id),
    b: await send(b.admin, "member.invitee@beta.test", "CLIENT_MEMBER", b.client.id),
  };
  const emailOf = async (to: string) => (await prisma.emailOutbox.findFirstOrThrow({ where: { to } })).id;
  return {
    a,
    b,
    a2: { am: am2, client: client2, campaign: campaign2, clientAdmin: client2Admin, clientMember: client2Member },
    inv,
    email: { a: await emailOf("sdr.invitee@a.test"), b: await emailOf("member.invitee@beta.test") },
  };
}

const ids = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id).sort();

/** The call must fail with a domain error of one of the codes, never return data. */
async function refused(call: () => Promise<unknown>, codes: ErrorCode[], label: string) {
  const e = await domainError(call).catch((err: Error) => {
    throw new Error(`${label}: ${err.message}`);
  });
  expect(codes, `${label} answered ${e.code}`).toContain(e.code);
}

let w: World;
beforeEach(async () => {
  w = await buildWorld();
});

describe("functions taking an id refuse another agency's records", () => {
  it("for every role of agency A asking for agency B's ids", async () => {
    const { a, b } = w;
    const byRole = (actor: Actor, manage: boolean): ErrorCode[] => (manage ? ["NOT_FOUND"] : ["FORBIDDEN", "NOT_FOUND"]);
    for (const actor of [a.admin, a.am, a.sdr, a.clientAdmin, a.clientMember]) {
      const agencyManager = actor.role === "AGENCY_ADMIN" || actor.role === "ACCOUNT_MANAGER";
      const r = (label: string, call: () => Promise<unknown>, codes: ErrorCode[]) => refused(call, codes, `${actor.role} ${label}`);
      await r("getClient", () => getClient(actor, b.client.id), byRole(actor, agencyManager));
      await r("updateClient", () => updateClient(actor, b.client.id, { name: "Hijacked", currency: "USD" }), byRole(actor, agencyManager));
      await r("getCampaign", () => getCampaign(actor, b.campaign.id), ["NOT_FOUND"]);
      await r("updateCampaign", () => updateCampaign(actor, b.campaign.id, { name: "Hijacked" }), byRole(actor, agencyManager));
      await r("setCampaignSdrs", () => setCampaignSdrs(actor, b.campaign.id, []), byRole(actor, agencyManager));
      await r("campaignHistory", () => campaignHistory(actor, b.campaign.id), ["NOT_FOUND"]);
      await r("getOutboxEmail", () => getOutboxEmail(actor, w.email.b), byRole(actor, actor.role === "AGENCY_ADMIN"));
      await r("resendInvitation", () => resendInvitation(actor, w.inv.b, "en", origin), ["NOT_FOUND"]);
      await r("revokeInvitation", () => revokeInvitation(actor, w.inv.b), ["NOT_FOUND"]);
    }
    // Nothing of B changed.
    expect(await prisma.clientCompany.findUniqueOrThrow({ where: { id: b.client.id } })).toMatchObject({ name: "Beta Corp", currency: "EUR" });
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: b.campaign.id } })).toMatchObject({ name: "Beta outbound" });
    expect(await prisma.campaignAssignment.findMany({ where: { campaignId: b.campaign.id }, select: { userId: true } })).toEqual([{ userId: b.sdr.userId }]);
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: w.inv.b } })).toMatchObject({ revokedAt: null });
    expect(await prisma.emailOutbox.count({ where: { to: "member.invitee@beta.test" } })).toBe(1);
    // B still sees its own records.
    expect((await getClient(b.admin, b.client.id)).name).toBe("Beta Corp");
    expect((await getOutboxEmail(b.admin, w.email.b)).to).toBe("member.invitee@beta.test");
  });

  it("an agency cannot assign another agency's SDR", async () => {
    const e = await domainError(setCampaignSdrs(w.a.admin, w.a.campaign.id, [w.b.sdr.userId]));
    expect(e).toMatchObject({ code: "INVALID", field: "sdrIds" });
    await expect(createCampaign(w.a.admin, { clientCompanyId: w.b.client.id, name: "Sneaky" })).rejects.toMatchObject({ code: "INVALID", field: "clientCompanyId" });
    await expect(createCampaign(w.a.admin, { clientCompanyId: w.a.client.id, name: "Sneaky", accountManagerId: w.b.am.userId })).rejects.toMatchObject({
      code: "INVALID",
      field: "accountManagerId",
    });
    expect(await prisma.campaign.count({ where: { name: "Sneaky" } })).toBe(0);
  });
});

describe("functions taking an id refuse the other client of the same agency", () => {
  it("to its AM, SDRs and client users", async () => {
    const { a, a2 } = w;
    // The AM of client 1 does not run client 2.
    await refused(() => getClient(a.am, a2.client.id), ["NOT_FOUND"], "am getClient");
    await refused(() => updateClient(a.am, a2.client.id, { name: "Mine now", currency: "EUR" }), ["NOT_FOUND"], "am updateClient");
    await refused(() => getCampaign(a.am, a2.campaign.id), ["NOT_FOUND"], "am getCampaign");
    await refused(() => updateCampaign(a.am, a2.campaign.id, { name: "Mine now" }), ["NOT_FOUND"], "am updateCampaign");
    await refused(() => setCampaignSdrs(a.am, a2.campaign.id, [a.sdr.userId]), ["NOT_FOUND"], "am setCampaignSdrs");
    await refused(() => campaignHistory(a.am, a2.campaign.id), ["NOT_FOUND"], "am campaignHistory");
    await refused(() => resendInvitation(a.am, w.inv.aClient2, "en", origin), ["NOT_FOUND"], "am resendInvitation");
    await refused(() => revokeInvitation(a.am, w.inv.aClient2), ["NOT_FOUND"], "am revokeInvitation");
    await refused(() => revokeInvitation(a.am, w.inv.aAgency), ["NOT_FOUND"], "am revokeInvitation agency");
    // SDRs see only the campaigns they are assigned to.
    await refused(() => getCampaign(a.sdr, a2.campaign.id), ["NOT_FOUND"], "sdr getCampaign");
    await refused(() => campaignHistory(a.sdr, a2.campaign.id), ["NOT_FOUND"], "sdr campaignHistory");
    await refused(() => getCampaign(a.otherSdr, a.campaign.id), ["NOT_FOUND"], "otherSdr getCampaign");
    // Client users see only their company.
    for (const actor of [a.clientAdmin, a.clientMember]) {
      await refused(() => getCampaign(actor, a2.campaign.id), ["NOT_FOUND"], `${actor.role} getCampaign`);
      await refused(() => campaignHistory(actor, a2.campaign.id), ["NOT_FOUND"], `${actor.role} campaignHistory`);
      await refused(() => resendInvitation(actor, w.inv.aClient2, "en", origin), ["NOT_FOUND"], `${actor.role} resendInvitation`);
      await refused(() => revokeInvitation(actor, w.inv.aClient2), ["NOT_FOUND"], `${actor.role} revokeInvitation`);
      await refused(() => revokeInvitation(actor, w.inv.aAgency), ["NOT_FOUND"], `${actor.role} revokeInvitation agency`);
    }
    // The AM cannot read the agency's outbox.
    await refused(() => getOutboxEmail(a.am, w.email.a), ["FORBIDDEN"], "am getOutboxEmail");
    await refused(() => revokeInvitation(a.clientMember, w.inv.aClient1), ["NOT_FOUND", "FORBIDDEN"], "member revokes own company's");

    expect(await prisma.clientCompany.findUniqueOrThrow({ where: { id: a2.client.id } })).toMatchObject({ name: "Nordwind Software", accountManagerId: a2.am.userId });
    expect(await prisma.invitation.count({ where: { revokedAt: { not: null } } })).toBe(0);

    // In scope, the same calls work.
    expect((await getCampaign(a.am, a.campaign.id)).id).toBe(a.campaign.id);
    expect((await getCampaign(a.clientMember, a.campaign.id)).id).toBe(a.campaign.id);
    expect((await getCampaign(a.otherSdr, a2.campaign.id)).id).toBe(a2.campaign.id);
    expect((await campaignHistory(a.clientAdmin, a.campaign.id)).map((e) => e.type)).toContain("campaign.created");
    const { token } = await resendInvitation(a.am, w.inv.aClient1, "en", origin);
    expect(token).toBeTruthy();
    await revokeInvitation(a.clientAdmin, w.inv.aClient1);
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: w.inv.aClient1 } })).toMatchObject({ revokedAt: expect.any(Date) });
  });

  it("an AM who runs a campaign of another lead's client sees that client and that campaign only", async () => {
    const { a, a2 } = w;
    const own = await createCampaign(a.admin, { clientCompanyId: a2.client.id, name: "Nordwind France", accountManagerId: a.am.userId });
    expect(ids(await listClients(a.am))).toEqual([a.client.id, a2.client.id].sort());
    expect(ids(await listCampaigns(a.am))).toEqual([a.campaign.id, own.id].sort());
    expect((await getCampaign(a.am, own.id)).id).toBe(own.id);
    // The client's page lists the campaigns the AM may open, not the other lead's.
    expect(ids((await getClient(a.am, a2.client.id)).campaigns)).toEqual([own.id]);
    expect(ids((await getClient(a.admin, a2.client.id)).campaigns)).toEqual([a2.campaign.id, own.id].sort());
    await refused(() => getCampaign(a.am, a2.campaign.id), ["NOT_FOUND"], "am getCampaign of the other lead");
  });
});

describe("lists hold only what the role may see", () => {
  it("clients and campaigns", async () => {
    const { a, b, a2 } = w;
    expect(ids(await listClients(a.admin))).toEqual([a.client.id, a2.client.id].sort());
    expect(ids(await listClients(a.am))).toEqual([a.client.id]);
    expect(ids(await listClients(a2.am))).toEqual([a2.client.id]);
    expect(ids(await listClients(b.admin))).toEqual([b.client.id]);
    for (const actor of [a.sdr, a.clientAdmin, a.clientMember]) {
      await refused(() => listClients(actor), ["FORBIDDEN"], `${actor.role} listClients`);
    }

    expect(ids(await listCampaigns(a.admin))).toEqual([a.campaign.id, a2.campaign.id].sort());
    expect(ids(await listCampaigns(a.am))).toEqual([a.campaign.id]);
    expect(ids(await listCampaigns(a2.am))).toEqual([a2.campaign.id]);
    expect(ids(await listCampaigns(a.sdr))).toEqual([a.campaign.id]);
    expect(ids(await listCampaigns(a.otherSdr))).toEqual([a2.campaign.id]);
    expect(ids(await listCampaigns(a.clientAdmin))).toEqual([a.campaign.id]);
    expect(ids(await listCampaigns(a.clientMember))).toEqual([a.campaign.id]);
    expect(ids(await listCampaigns(a2.clientMember))).toEqual([a2.campaign.id]);
    expect(ids(await listCampaigns(b.clientMember))).toEqual([b.campaign.id]);
    // A filter naming something out of scope narrows, it never widens.
    expect(await listCampaigns(a.admin, { clientCompanyId: b.client.id })).toEqual([]);
    expect(await listCampaigns(a.clientAdmin, { clientCompanyId: a2.client.id })).toEqual([]);
  });

  it("pending invitations", async () => {
    const { a, b, a2, inv } = w;
    expect(ids(await listPendingInvitations(a.admin))).toEqual([inv.aAgency, inv.aClient1, inv.aClient2].sort());
    expect(ids(await listPendingInvitations(a.am))).toEqual([inv.aClient1]);
    expect(ids(await listPendingInvitations(a2.am))).toEqual([inv.aClient2]);
    expect(ids(await listPendingInvitations(a.clientAdmin))).toEqual([inv.aClient1]);
    expect(ids(await listPendingInvitations(a2.clientAdmin))).toEqual([inv.aClient2]);
    expect(await listPendingInvitations(a.clientMember)).toEqual([]);
    expect(await listPendingInvitations(a.sdr)).toEqual([]);
    expect(ids(await listPendingInvitations(b.admin))).toEqual([inv.b]);
    expect(await listPendingInvitations(a.clientAdmin, { clientCompanyId: a2.client.id })).toEqual([]);
    expect(await listPendingInvitations(a.admin, { clientCompanyId: b.client.id })).toEqual([]);
  });

  it("team", async () => {
    const { a, b, a2 } = w;
    const users = (rows: { user: { id: string } }[]) => rows.map((r) => r.user.id).sort();
    const agencyTeam = [a.admin, a.am, a2.am, a.sdr, a.otherSdr].map((x) => x.userId).sort();
    for (const actor of [a.admin, a.am, a.sdr]) expect(users(await listTeam(actor))).toEqual(agencyTeam);
    for (const actor of [a.clientAdmin, a.clientMember]) expect(users(await listTeam(actor))).toEqual([a.clientAdmin.userId, a.clientMember.userId].sort());
    expect(users(await listTeam(a2.clientMember))).toEqual([a2.clientAdmin.userId, a2.clientMember.userId].sort());
    expect(users(await listTeam(b.admin))).toEqual([b.admin, b.am, b.sdr, b.otherSdr].map((x) => x.userId).sort());
  });

  it("outbox", async () => {
    const { a, b } = w;
    const outboxA = await listOutbox(a.admin);
    expect(outboxA.total).toBe(3);
    expect(outboxA.rows.map((r) => r.to).sort()).toEqual(["member.invitee@acme.test", "member.invitee@nordwind.test", "sdr.invitee@a.test"]);
    expect((await listOutbox(b.admin)).rows.map((r) => r.to)).toEqual(["member.invitee@beta.test"]);
    expect((await listOutbox(a.admin, { status: "SENT" })).total).toBe(0);
    for (const actor of [a.am, a.sdr, a.clientAdmin, a.clientMember]) {
      await refused(() => listOutbox(actor), ["FORBIDDEN"], `${actor.role} listOutbox`);
    }
  });
});
