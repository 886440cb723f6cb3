// Issue 8, findings 3, 4, 8 and 9: what a reader of the outbox, a client admin and an SDR could do to others.
import { prisma } from "~/utils/db.server";
import { requestPasswordReset } from "~/models/user.server";
import { getOutboxEmail } from "~/models/email.server";
import { createInvitation, listPendingInvitations } from "~/models/invitation.server";
import { createClient } from "~/models/client.server";
import { setCampaignSdrs } from "~/models/campaign.server";
import { deliverEmail } from "~/services/email.server";
import { confirmImport, createImport, getImport, listImports } from "~/models/meetings/import.server";
import { translate } from "~/i18n";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember } from "../factories";
import { startFakeResend, type FakeResend } from "../fakes/resend";
import { domainError, useEnv } from "./helpers";

const setEnv = useEnv();
let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake.close();
});

describe("the outbox cannot be used to take over an account (finding 3)", () => {
  it("shows reset and invitation emails without their links, and keeps no token once delivered", async () => {
    const w = await createAgencyWithClient();
    await requestPasswordReset(w.clientAdmin.email, "en", "https://portal.example");
    const { invitation, token: inviteToken } = await createInvitation(w.am, { email: "new.person@acme.test", role: "CLIENT_MEMBER", clientCompanyId: w.client.id, locale: "fr" }, "https://portal.example");
    const reset = await prisma.emailOutbox.findFirstOrThrow({ where: { to: w.clientAdmin.email, template: "password-reset" } });
    const resetToken = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(reset.text)![1];
    const invite = await prisma.emailOutbox.findFirstOrThrow({ where: { to: invitation.email, template: "invitation" } });

    // The agency admin reading the Emails page sees neither token, and is told the link was removed.
    for (const [row, token] of [[reset, resetToken], [invite, inviteToken]] as const) {
      const seen = await getOutboxEmail(w.admin, row.id);
      expect(seen.linksRemoved).toBe(true);
      expect(seen.html).not.toContain(token);
      expect(seen.text).not.toContain(token);
      expect(seen.text).toContain("/link-removed");
    }
    expect(translate("fr", "security.outbox.linksRemoved")).toContain("retiré");

    // Delivered through Resend: the recipient gets the live link; the stored copy no longer has it.
    setEnv({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fake.url });
    await prisma.emailOutbox.updateMany({ where: { id: { in: [reset.id, invite.id] } }, data: { status: "PENDING" } });
    expect(await deliverEmail(reset.id)).toBe("sent");
    expect(JSON.stringify(fake.delivered().at(-1)!.body)).toContain(resetToken);
    const stored = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: reset.id } });
    expect(stored.status).toBe("SENT");
    expect(stored.html + stored.text).not.toContain(resetToken);

    // Other emails keep their links (they are not credentials).
    expect((await getOutboxEmail(w.admin, reset.id)).linksRemoved).toBe(true);
  });
});

describe("invitations across organisations (findings 4 and 8)", () => {
  it("a client admin's invitation does not revoke another organisation's pending invitation", async () => {
    const w = await createAgencyWithClient();
    const other = await createClient(w.admin, { name: "Other Client", currency: "EUR", accountManagerId: w.am.userId });
    const theirs = await createInvitation(w.am, { email: "shared@person.test", role: "CLIENT_ADMIN", clientCompanyId: other.id, locale: "en" }, "https://p.example");
    const agencyInvite = await createInvitation(w.admin, { email: "agency.shared@person.test", role: "SDR", locale: "en" }, "https://p.example");

    for (const email of ["shared@person.test", "agency.shared@person.test"]) {
      const e = await domainError(createInvitation(w.clientAdmin, { email, role: "CLIENT_MEMBER", locale: "en" }, "https://p.example"));
      expect(e).toMatchObject({ code: "CONFLICT", messageKey: "security.invite.unavailable", field: "email" });
    }
    const still = await prisma.invitation.findMany({ where: { id: { in: [theirs.invitation.id, agencyInvite.invitation.id] } } });
    expect(still.map((i) => i.revokedAt)).toEqual([null, null]);

    // Within the inviter's own organisation, a new invitation still replaces the pending one.
    const first = await createInvitation(w.clientAdmin, { email: "mine@person.test", role: "CLIENT_MEMBER", locale: "en" }, "https://p.example");
    await createInvitation(w.clientAdmin, { email: "mine@person.test", role: "CLIENT_MEMBER", locale: "en" }, "https://p.example");
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: first.invitation.id } })).revokedAt).not.toBeNull();
    expect((await listPendingInvitations(w.clientAdmin)).filter((i) => i.email === "mine@person.test")).toHaveLength(1);
  });

  it("a client admin learns nothing about who belongs to the agency", async () => {
    const w = await createAgencyWithClient();
    const unknown = await createInvitation(w.clientAdmin, { email: "nobody.yet@person.test", role: "CLIENT_MEMBER", locale: "en" }, "https://p.example");
    const agencyMember = await createInvitation(w.clientAdmin, { email: w.sdr.email, role: "CLIENT_MEMBER", locale: "en" }, "https://p.example");
    expect(Object.keys(agencyMember.invitation).sort()).toEqual(Object.keys(unknown.invitation).sort());
    expect(agencyMember.invitation.clientCompanyId).toBe(w.client.id);
    // Their own team's members are, of course, already members.
    expect(await domainError(createInvitation(w.clientAdmin, { email: w.clientMember.email, role: "CLIENT_MEMBER", locale: "en" }, "https://p.example"))).toMatchObject({
      messageKey: "agency.team.alreadyMember",
    });
    // Agency roles see every team and are told.
    expect(await domainError(createInvitation(w.admin, { email: w.sdr.email, role: "SDR", locale: "en" }, "https://p.example"))).toMatchObject({ messageKey: "agency.team.alreadyMember" });
  });
});

describe("CSV imports are their author's (finding 9)", () => {
  it("an SDR neither lists, previews nor confirms another SDR's import; managers see both", async () => {
    const w = await createAgencyWithClient();
    await createActiveCampaignWithAgreement(w, { personaName: "CFO ETI" });
    const sdr2 = await createMember(w.agency.id, "SDR");
    await setCampaignSdrs(w.am, w.campaign.id, [w.sdr.userId, sdr2.userId]);
    const csv = new TextEncoder().encode("name,email,company,date,persona\nSecret Prospect,secret.prospect@acme.test,Acme,2030-01-01 10:00,CFO ETI\n");
    const job = await createImport(w.sdr, w.campaign.id, { name: "mine.csv", bytes: csv });

    expect(await listImports(sdr2, w.campaign.id)).toEqual([]);
    expect((await domainError(getImport(sdr2, w.campaign.id, job.id))).code).toBe("NOT_FOUND");
    const mapping = (await getImport(w.sdr, w.campaign.id, job.id)).mapping;
    expect((await domainError(confirmImport(sdr2, w.campaign.id, job.id, { ...mapping, defaultTimeZone: "Europe/Paris" }))).code).toBe("NOT_FOUND");
    expect((await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("MAPPING");

    expect((await listImports(w.sdr, w.campaign.id)).map((j) => j.id)).toEqual([job.id]);
    expect((await listImports(w.am, w.campaign.id)).map((j) => j.id)).toEqual([job.id]);
    expect((await getImport(w.am, w.campaign.id, job.id)).preview[0]).toContain("secret.prospect@acme.test");
  });
});
