// The outbox and its worker: emails written in a transaction, delivered through the real Resend SDK to a local fake,
// retried by pg-boss with backoff, never sent twice.
import { prisma } from "~/utils/db.server";
import { sendEmail, deliverEmail, retryEmail } from "~/services/email.server";
import { createAgency } from "../factories";
import { startBackgroundWork, stopBackgroundWork } from "~/jobs/worker.server";
import { enqueueEmails, getBoss } from "~/services/queue.server";
import { sweepOutbox } from "~/jobs/outbox-sweep.server";
import { startFakeResend, type FakeResend } from "../fakes/resend";
import { useEnv, waitFor } from "./helpers";

const setEnv = useEnv();
let fake: FakeResend;

beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());
afterEach(async () => {
  await stopBackgroundWork();
});

function configureResend(extra: Record<string, string> = {}) {
  setEnv({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fake.url, EMAIL_RETRY_DELAY_SECONDS: "1", ...extra });
}

async function writeResetEmail(to = "claire@acme.test", agencyId?: string) {
  return prisma.$transaction((tx) =>
    sendEmail(tx, {
      to,
      agencyId,
      template: "password-reset",
      locale: "en",
      props: { locale: "en", email: to, agency: "Pipeline Partners", url: "http://localhost/reset-password/abc" },
    }),
  );
}

describe("email delivery", () => {
  it("marks the email FAILED with the provider's error after the retry limit, and the agency can retry it", async () => {
    configureResend({ EMAIL_RETRY_LIMIT: "1" });
    const agency = await createAgency();
    const { id } = await writeResetEmail("claire@acme.test", agency.id);
    fake.failNext(100);

    await startBackgroundWork({ pollingIntervalSeconds: 0.5 });
    await enqueueEmails([id]);

    const row = await waitFor(
      async () => {
        const r = await prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
        return r.status === "FAILED" ? r : null;
      },
      // Two attempts with the queue's retry delay between them: slow on a loaded machine, so a generous wait.
      { timeoutMs: 45_000, what: "the email to be FAILED" },
    );
    expect(row.attempts).toBe(2);
    expect(row.lastError).toContain("The fake was told to fail.");
    expect(row.sentAt).toBeNull();
    expect(fake.requests).toHaveLength(2);
    expect(fake.delivered()).toHaveLength(0);

    // Retried from the Emails page once the provider is back: only by its own agency.
    fake.failNext(0);
    const other = await createAgency();
    expect(await retryEmail(other.id, id)).toBe(false);
    expect(await retryEmail(agency.id, id)).toBe(true);
    await enqueueEmails([id]);
    const sent = await waitFor(
      async () => {
        const r = await prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
        return r.status === "SENT" ? r : null;
      },
      { timeoutMs: 30_000, what: "the retried email to be SENT" },
    );
    expect(sent).toMatchObject({ attempts: 1, lastError: null });
    expect(fake.delivered()).toHaveLength(1);
  }, 90_000);

  it("retries a failing provider with backoff and delivers exactly once", async () => {
    configureResend();
    const { id, status } = await writeResetEmail();
    expect(status).toBe("PENDING");
    fake.failNext(2);

    await startBackgroundWork({ pollingIntervalSeconds: 0.5 });
    await enqueueEmails([id]);

    const row = await waitFor(
      async () => {
        const r = await prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
        return r.status === "SENT" ? r : null;
      },
      { timeoutMs: 15_000, what: "the email to be SENT" },
    );
    expect(row.attempts).toBe(3);
    expect(row.lastError).toBeNull();
    expect(row.sentAt).toBeInstanceOf(Date);

    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(fake.delivered()).toHaveLength(1);
    expect(new Set(fake.requests.map((r) => r.idempotencyKey))).toEqual(new Set([`outbox-${id}`]));
    const sent = fake.delivered()[0];
    expect(sent.headers.authorization).toBe("Bearer re_test_key");
    expect(sent.body).toMatchObject({ to: "claire@acme.test", from: "Rendezvous <no-reply@rendezvous.test>", subject: "Reset your Rendezvous password" });
    expect(row.providerId).toBe(sent.response.id);
    expect((sent.body as { html: string }).html).toContain("http://localhost/reset-password/abc");

    // A duplicate job (a second worker, a sweep) finds the row already sent and does not call the provider again.
    expect(await deliverEmail(id)).toBe("skipped");
    expect(fake.requests).toHaveLength(3);
  });

  it("keeps the email HELD in the outbox and sends nothing without RESEND_API_KEY", async () => {
    setEnv({ RESEND_API_KEY: undefined, RESEND_BASE_URL: fake.url });
    const { id, status } = await writeResetEmail();
    expect(status).toBe("HELD");
    await enqueueEmails([id]);
    expect(await deliverEmail(id)).toBe("skipped");
    const row = await prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "HELD", attempts: 0, sentAt: null });
    expect(fake.requests).toHaveLength(0);
  });

  it("sweeps a pending email nobody touched for EMAIL_SWEEP_AFTER_SECONDS (10 minutes unless set) into the queue, with the queue's retry options", async () => {
    configureResend({ EMAIL_RETRY_LIMIT: "4" });
    const { id } = await writeResetEmail("swept@acme.test");
    await getBoss(); // the queue's tables exist
    const jobs = () =>
      prisma.$queryRaw<{ retry_limit: number }[]>`SELECT retry_limit FROM pgboss.job WHERE name = 'email-deliver' AND data->>'outboxId' = ${id}`;
    // Its job was lost five minutes ago (a crashed process): not yet for the default ten minutes.
    await prisma.$executeRaw`UPDATE "EmailOutbox" SET "updatedAt" = now() - interval '5 minutes' WHERE "id" = ${id}`;
    expect(await sweepOutbox()).toBe(0);
    expect(await jobs()).toHaveLength(0);
    // Four minutes are enough when the setting says so.
    setEnv({ EMAIL_SWEEP_AFTER_SECONDS: "240" });
    expect(await sweepOutbox()).toBe(1);
    expect(await jobs()).toEqual([{ retry_limit: 4 }]);
  });
});
