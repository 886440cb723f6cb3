// Issue 8, findings 5, 6 and 7: sign-in guesses, reset links and forgot-password requests.
import { prisma } from "~/utils/db.server";
import { login } from "~/utils/auth.server";
import { requestPasswordReset, resetPassword, resetTokenValid } from "~/models/user.server";
import { queuePasswordResetRequest, RESET_REQUEST_LIMITS } from "~/models/password-reset-request.server";
import { startBackgroundWork, stopBackgroundWork } from "~/jobs/worker.server";
import { slowDownMs } from "~/utils/rate-limit.server";
import { createAgency, createMember, DEFAULT_PASSWORD } from "../factories";
import { useEnv, waitFor } from "./helpers";

const setEnv = useEnv();
afterEach(async () => {
  await stopBackgroundWork();
});

describe("sign-in throttling (finding 5)", () => {
  it("evaluates at most LOGIN_MAX_FAILURES of twelve parallel guesses", async () => {
    setEnv({ LOGIN_MAX_FAILURES: "5" });
    const agency = await createAgency();
    await createMember(agency.id, "SDR", { email: "target@pipeline.test" });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login("target@pipeline.test", `guess-${i}`, "198.51.100.7")));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(7);
    expect(await prisma.loginAttempt.count({ where: { email: "target@pipeline.test" } })).toBe(5);
  });

  it("slows a guesser down progressively but lets the owner in from their own address within a minute", async () => {
    setEnv({ LOGIN_MAX_FAILURES: "5" });
    const agency = await createAgency();
    const owner = await createMember(agency.id, "SDR", { email: "owner@pipeline.test" });
    // A stranger made 12 bad guesses, the last one 61 seconds ago.
    const at = new Date(Date.now() - 61_000);
    await prisma.loginAttempt.createMany({ data: Array.from({ length: 12 }, () => ({ email: "owner@pipeline.test", ip: "203.0.113.66", success: false, createdAt: at })) });

    expect(await login("owner@pipeline.test", "another-guess", "203.0.113.66")).toEqual({ ok: false, reason: "rate_limited" });
    expect(await login("owner@pipeline.test", DEFAULT_PASSWORD, "192.0.2.10")).toEqual({ ok: true, userId: owner.userId });
  });

  it("doubles the wait after each failure, within its cap", () => {
    expect([4, 5, 6, 7].map((n) => slowDownMs(n, 5, 15 * 60_000))).toEqual([0, 30_000, 60_000, 120_000]);
    expect(slowDownMs(40, 5, 60_000)).toBe(60_000);
  });
});

describe("password reset links (finding 6)", () => {
  it("a successful reset spends every other outstanding link of the user", async () => {
    const agency = await createAgency();
    const user = await createMember(agency.id, "ACCOUNT_MANAGER", { email: "two.links@pipeline.test" });
    await requestPasswordReset(user.email, "en", "https://p.example");
    await requestPasswordReset(user.email, "en", "https://p.example");
    const emails = await prisma.emailOutbox.findMany({ where: { to: user.email }, orderBy: { createdAt: "asc" } });
    const [first, second] = emails.map((e) => /\/reset-password\/([A-Za-z0-9_-]+)/.exec(e.text)![1]);
    expect(await resetTokenValid(first)).toBe(true);
    await resetPassword(second, "a-brand-new-password");
    expect(await resetTokenValid(first)).toBe(false);
  });
});

describe("forgot-password requests (finding 7)", () => {
  it("does the same work for every address, then emails only real accounts, from the queue", async () => {
    const agency = await createAgency();
    const user = await createMember(agency.id, "SDR", { email: "real.account@pipeline.test" });
    const input = { ip: "192.0.2.1", locale: "en" as const, origin: "https://p.example" };
    expect(await queuePasswordResetRequest({ ...input, email: "nobody@nowhere.test" })).toBe("queued");
    expect(await queuePasswordResetRequest({ ...input, email: user.email })).toBe("queued");
    // Nothing is looked up while answering: the page's answer cannot depend on the account.
    expect(await prisma.passwordReset.count()).toBe(0);
    expect(await prisma.resetRequest.count()).toBe(2);

    await startBackgroundWork({ pollingIntervalSeconds: 0.5 });
    await waitFor(() => prisma.emailOutbox.findFirst({ where: { to: user.email, template: "password-reset" } }), { timeoutMs: 15_000, what: "the reset email" });
    expect(await prisma.emailOutbox.count({ where: { to: "nobody@nowhere.test" } })).toBe(0);
  });

  it("is throttled per email (silently) and per address (429)", async () => {
    const input = { locale: "en" as const, origin: "https://p.example" };
    const outcomes = [];
    for (let i = 0; i < RESET_REQUEST_LIMITS.perEmail.max + 2; i++) outcomes.push(await queuePasswordResetRequest({ ...input, email: "Same@Person.test", ip: `192.0.2.${i}` }));
    expect(outcomes).toEqual(["queued", "queued", "queued", "dropped", "dropped"]);

    const fromOne = [];
    for (let i = 0; i < RESET_REQUEST_LIMITS.perAddress.max + 1; i++) fromOne.push(await queuePasswordResetRequest({ ...input, email: `spray-${i}@x.test`, ip: "198.51.100.200" }));
    expect(fromOne.at(-1)).toBe("address-throttled");
    expect(fromOne.filter((o) => o === "queued")).toHaveLength(RESET_REQUEST_LIMITS.perAddress.max);
  });
});
