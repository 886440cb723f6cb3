// Issue 16, reliability: the app process killed (SIGKILL) in the middle of a delivery batch. The worker runs as a
// real child process against this test's database and the fake Resend; it is killed at the worst moment (Resend has
// accepted an email, the outbox does not know yet), restarted, and every email must be delivered exactly once: the
// email caught in the crash is sent again with the same Idempotency-Key (the outbox row's id), which Resend answers
// as a replay instead of a second email.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { prisma } from "~/utils/db.server";
import { sendEmail } from "~/services/email.server";
import { withChange } from "~/models/effects.server";
import { templates } from "../../emails";
import { createAgencyWithClient } from "../factories";
import { startFakeResend, type FakeResend } from "../fakes/resend";
import { useEnv, waitFor } from "./helpers";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EMAILS = 40;
const KILL_AT = 12; // the 12th email accepted by Resend is the one the crash catches

describe("a worker killed with SIGKILL during a delivery batch", () => {
  const setEnv = useEnv();
  let fake: FakeResend;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    fake = await startFakeResend();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await fake.close();
  });

  /** The worker process (node + tsx, one process so SIGKILL leaves nothing behind), and a promise of its exit. */
  function startWorker() {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/crash-worker.ts"], {
      cwd: ROOT,
      env: { ...process.env, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fake.url, EMAIL_RETRY_LIMIT: "20", NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
    return { child, exited, output: () => output };
  }

  it("loses no email and delivers none twice after a restart", async () => {
    setEnv({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fake.url, EMAIL_RETRY_LIMIT: "20" });
    fake.reset();
    const w = await createAgencyWithClient();
    const booked = templates["meeting-booked"].component.PreviewProps!;
    const recipients = Array.from({ length: 8 }, (_, i) => `crash${i}@client.test`);
    // One change writes the emails and queues their delivery after it commits (as every notifying change does).
    const ids = await withChange(async (tx, fx) => {
      const out: string[] = [];
      for (let k = 0; k < EMAILS; k++) {
        const row = await sendEmail(tx, { to: recipients[k % recipients.length], template: "meeting-booked", locale: "en", agencyId: w.agency.id, props: { ...booked, locale: "en" } });
        out.push(row.id);
      }
      fx.emails(out);
      return out;
    }, { timeout: 60_000 });

    // The first worker: killed once Resend has accepted the KILL_AT-th email, before the answer reaches it.
    const first = startWorker();
    let caught: string | undefined;
    fake.onAccepted = (r) => {
      if (fake.delivered().length !== KILL_AT) return;
      caught = r.idempotencyKey;
      first.child.kill("SIGKILL");
      return first.exited;
    };
    // (Generous: on a loaded machine the process takes a minute or more to start.)
    const outcome = await Promise.race([first.exited, new Promise((r) => setTimeout(() => r("still running"), 360_000))]);
    expect(outcome, `delivered ${fake.delivered().length}; worker said:\n${first.output()}`).toBe("SIGKILL");
    fake.onAccepted = null;
    expect(fake.delivered()).toHaveLength(KILL_AT);
    expect(caught).toMatch(/^outbox-/);
    const caughtId = caught!.slice("outbox-".length);
    // The crash left that email pending (held by the dead worker), and the rest of the batch undelivered.
    const afterCrash = await prisma.emailOutbox.groupBy({ by: ["status"], where: { id: { in: ids } }, _count: true });
    expect(Object.fromEntries(afterCrash.map((g) => [g.status, g._count]))).toEqual({ SENT: KILL_AT - 1, PENDING: EMAILS - KILL_AT + 1 });
    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id: caughtId } })).toMatchObject({ status: "PENDING", attempts: 1 });

    // Ten minutes pass (the dead worker's hold expires, the sweep finds the emails nobody touched): the rows are aged
    // instead of waiting, then the app process is started again.
    await prisma.$executeRaw`UPDATE "EmailOutbox" SET "updatedAt" = "updatedAt" - interval '11 minutes', "lockedUntil" = "lockedUntil" - interval '11 minutes' WHERE "status" = 'PENDING'`;
    const second = startWorker();
    await waitFor(async () => (await prisma.emailOutbox.count({ where: { id: { in: ids }, status: "SENT" } })) === EMAILS, {
      timeoutMs: 360_000,
      intervalMs: 500,
      what: "every email to be SENT after the restart",
    }).catch((e) => {
      throw new Error(`${e.message}\n${second.output()}`);
    });
    second.child.kill("SIGKILL");
    await second.exited;

    // Exactly once: one accepted email per outbox row, each under its own row's id...
    const delivered = fake.delivered();
    expect(delivered).toHaveLength(EMAILS);
    expect(new Set(delivered.map((r) => r.idempotencyKey))).toEqual(new Set(ids.map((id) => `outbox-${id}`)));
    // ...the email caught in the crash was asked again with the same key and answered as a replay, not sent again...
    const replays = fake.requests.filter((r) => r.replayed);
    expect(replays.map((r) => r.idempotencyKey)).toEqual([caught]);
    // ...and every row records the provider's id of the one email Resend sent for it.
    const rows = await prisma.emailOutbox.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, providerId: true } });
    const providerIdOf = new Map(delivered.map((r) => [r.idempotencyKey, r.response.id]));
    for (const row of rows) expect(row.providerId).toBe(providerIdOf.get(`outbox-${row.id}`));
  }, 900_000);
});
