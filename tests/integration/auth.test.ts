// Sign-in, sessions, the guard and password reset, on the real database (argon2id hashes, session rows, outbox).
import { prisma } from "~/utils/db.server";
import { commitSession, createSession, getActor, login, requireActor, signOut } from "~/utils/auth.server";
import { requestPasswordReset, resetPassword, resetTokenValid } from "~/models/user.server";
import { createAgencyWithClient, createMember, createAgency, DEFAULT_PASSWORD } from "../factories";
import { expectDomainError, linkInEmail, requestWithSession, useEnv } from "./helpers";

const setEnv = useEnv();

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

describe("login", () => {
  it("signs in with the right password, whatever the case and spaces of the email", async () => {
    const agency = await createAgency();
    const admin = await createMember(agency.id, "AGENCY_ADMIN", { email: "julien@pipeline.test" });
    expect(await login("  Julien@Pipeline.TEST ", DEFAULT_PASSWORD, "10.0.0.1")).toEqual({ ok: true, userId: admin.userId });
    const attempts = await prisma.loginAttempt.findMany();
    expect(attempts).toMatchObject([{ email: "julien@pipeline.test", ip: "10.0.0.1", success: true }]);
  });

  it("gives the same answer for a wrong password and for an unknown email", async () => {
    const agency = await createAgency();
    await createMember(agency.id, "SDR", { email: "lucas@pipeline.test" });
    const wrong = await login("lucas@pipeline.test", "not-the-password", "10.0.0.2");
    const unknown = await login("nobody@pipeline.test", DEFAULT_PASSWORD, "10.0.0.2");
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(await prisma.loginAttempt.count({ where: { success: false } })).toBe(2);
  });

  it("refuses an account without a password (invitation not accepted yet)", async () => {
    const agency = await createAgency();
    const user = await prisma.user.create({ data: { email: "pending@pipeline.test", name: "Pending", passwordHash: null } });
    await prisma.membership.create({ data: { userId: user.id, agencyId: agency.id, role: "SDR" } });
    expect(await login("pending@pipeline.test", "", "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
  });

  it("rate limits an email after LOGIN_MAX_FAILURES failures, even with the right password", async () => {
    setEnv({ LOGIN_MAX_FAILURES: "3" });
    const agency = await createAgency();
    const sdr = await createMember(agency.id, "SDR", { email: "ines@pipeline.test" });
    for (let i = 0; i < 3; i++) {
      expect(await login("ines@pipeline.test", `wrong-${i}`, `10.0.1.${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await login("ines@pipeline.test", DEFAULT_PASSWORD, "10.0.1.9")).toEqual({ ok: false, reason: "rate_limited" });
    expect(await login("INES@pipeline.test", DEFAULT_PASSWORD, "10.0.1.9")).toEqual({ ok: false, reason: "rate_limited" });

    // Other accounts are not affected, and the limit ends with its 15-minute window.
    await createMember(agency.id, "SDR", { email: "hugo@pipeline.test" });
    expect(await login("hugo@pipeline.test", DEFAULT_PASSWORD, "10.0.1.10")).toMatchObject({ ok: true });
    await prisma.loginAttempt.updateMany({ where: { email: "ines@pipeline.test" }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect(await login("ines@pipeline.test", DEFAULT_PASSWORD, "10.0.1.9")).toEqual({ ok: true, userId: sdr.userId });
  });

  it("rate limits an address that tries many emails", async () => {
    setEnv({ LOGIN_MAX_FAILURES: "2" });
    const agency = await createAgency();
    await createMember(agency.id, "SDR", { email: "emma@pipeline.test" });
    for (let i = 0; i < 8; i++) await login(`guess-${i}@pipeline.test`, "x", "203.0.113.7");
    expect(await login("emma@pipeline.test", DEFAULT_PASSWORD, "203.0.113.7")).toEqual({ ok: false, reason: "rate_limited" });
    expect(await login("emma@pipeline.test", DEFAULT_PASSWORD, "203.0.113.8")).toMatchObject({ ok: true });
  });
});

describe("sessions", () => {
  it("getActor reads the actor from the session cookie, and signOut revokes the session", async () => {
    const w = await createAgencyWithClient();
    const session = await createSession(w.clientAdmin.userId, "Vitest");
    const request = await requestWithSession(session.id);

    const actor = await getActor(request);
    expect(actor).toMatchObject({
      userId: w.clientAdmin.userId,
      sessionId: session.id,
      role: "CLIENT_ADMIN",
      agencyId: w.agency.id,
      clientCompanyId: w.client.id,
    });

    const setCookie = await signOut(request);
    expect(setCookie).toMatch(/rdv_session=;/);
    expect(setCookie).toMatch(/Max-Age=0/i);
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0);
    // The old cookie, replayed in a new request, no longer signs anyone in.
    expect(await getActor(await requestWithSession(session.id))).toBeNull();
  });

  it("treats an expired session, a forged cookie and no cookie as signed out", async () => {
    const w = await createAgencyWithClient();
    const session = await createSession(w.am.userId);
    const request = await requestWithSession(session.id);
    expect(await getActor(request)).not.toBeNull();

    await prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getActor(await requestWithSession(session.id))).toBeNull();

    const other = await createSession(w.am.userId);
    // An unsigned cookie naming a valid session id is rejected by the signature check.
    expect(await getActor(new Request("http://localhost/", { headers: { Cookie: `rdv_session=${encodeURIComponent(JSON.stringify(other.id))}` } }))).toBeNull();
    expect(await getActor(new Request("http://localhost/"))).toBeNull();
  });

  it("sets a signed, httpOnly, SameSite=Lax cookie", async () => {
    const w = await createAgencyWithClient();
    const session = await createSession(w.admin.userId);
    const header = await commitSession(session.id);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toContain(session.id); // signed and encoded, not the raw id
  });
});

describe("requireActor", () => {
  it("redirects a signed-out request to sign-in with the way back", async () => {
    const response = await thrown(requireActor(new Request("http://localhost/campaigns/abc?tab=meetings")));
    expect(response).toBeInstanceOf(Response);
    const r = response as Response;
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/campaigns/abc?tab=meetings")}`);
  });

  it("returns the actor with the capability and answers 403 without it", async () => {
    const w = await createAgencyWithClient();
    const amRequest = await requestWithSession((await createSession(w.am.userId)).id);
    expect(await requireActor(amRequest, "client:manage")).toMatchObject({ userId: w.am.userId, role: "ACCOUNT_MANAGER" });

    const sdrRequest = await requestWithSession((await createSession(w.sdr.userId)).id);
    expect(await requireActor(sdrRequest)).toMatchObject({ userId: w.sdr.userId });
    const response = await thrown(requireActor(sdrRequest, "client:manage"));
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(403);

    const memberRequest = await requestWithSession((await createSession(w.clientMember.userId)).id);
    expect(((await thrown(requireActor(memberRequest, "version:decide"))) as Response).status).toBe(403);
  });
});

describe("password reset", () => {
  const origin = "https://portal.example";

  it("writes no email for an unknown address", async () => {
    await requestPasswordReset("nobody@example.test", "en", origin);
    expect(await prisma.emailOutbox.count()).toBe(0);
    expect(await prisma.passwordReset.count()).toBe(0);
  });

  it("emails a link that works once, signs out every other browser and sets the new password", async () => {
    const agency = await createAgency({ name: "Pipeline Partners" });
    const user = await createMember(agency.id, "ACCOUNT_MANAGER", { email: "claire@pipeline.test", locale: "fr" });
    const otherBrowser = await createSession(user.userId, "laptop");
    const otherRequest = await requestWithSession(otherBrowser.id);
    expect(await getActor(otherRequest)).not.toBeNull();

    await requestPasswordReset("claire@pipeline.test", "en", origin);
    const emails = await prisma.emailOutbox.findMany();
    expect(emails).toHaveLength(1);
    // The user's own language wins over the page's, and without a Resend key the outbox holds it.
    expect(emails[0]).toMatchObject({ to: "claire@pipeline.test", template: "password-reset", locale: "fr", status: "HELD", agencyId: agency.id });
    expect(emails[0].subject).toBe("Réinitialisez votre mot de passe Rendezvous");
    const { url } = await linkInEmail("claire@pipeline.test", /https:\/\/portal\.example\/reset-password\/[A-Za-z0-9_-]+/);
    const token = url.split("/").pop()!;
    // Only a hash of the token is stored.
    expect(await prisma.passwordReset.count({ where: { tokenHash: token } })).toBe(0);

    expect(await resetTokenValid(token)).toBe(true);
    const { userId, sessionId } = await resetPassword(token, "a-brand-new-password", "phone");
    expect(userId).toBe(user.userId);

    expect(await getActor(await requestWithSession(otherBrowser.id))).toBeNull();
    expect(await prisma.session.findMany({ where: { userId: user.userId }, select: { id: true } })).toEqual([{ id: sessionId }]);
    expect(await getActor(await requestWithSession(sessionId))).toMatchObject({ userId: user.userId });

    expect(await login("claire@pipeline.test", DEFAULT_PASSWORD, "10.0.2.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await login("claire@pipeline.test", "a-brand-new-password", "10.0.2.1")).toMatchObject({ ok: true });

    // Used once: the link is dead now.
    expect(await resetTokenValid(token)).toBe(false);
    const e = await expectDomainError(resetPassword(token, "yet-another-password"), "INVALID");
    expect(e.messageKey).toBe("auth.reset.invalid");
    expect(await login("claire@pipeline.test", "yet-another-password", "10.0.2.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an expired link and an unknown token", async () => {
    const agency = await createAgency();
    const user = await createMember(agency.id, "SDR", { email: "late@pipeline.test" });
    await requestPasswordReset("late@pipeline.test", "en", origin);
    const { url } = await linkInEmail("late@pipeline.test", /\/reset-password\/[A-Za-z0-9_-]+/);
    const token = url.split("/").pop()!;
    await prisma.passwordReset.updateMany({ where: { userId: user.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await resetTokenValid(token)).toBe(false);
    await expectDomainError(resetPassword(token, "a-brand-new-password"), "INVALID");
    await expectDomainError(resetPassword("not-a-token", "a-brand-new-password"), "INVALID");
    expect(await login("late@pipeline.test", DEFAULT_PASSWORD, "10.0.3.1")).toMatchObject({ ok: true });
  });
});
