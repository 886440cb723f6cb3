// 100 simulated users for 60 s (issue 12): signed-in sessions of every role (agency admins, account managers, SDRs,
// client admins and members), each a closed loop over a realistic mix of that role's pages and form posts (a meeting
// comment, the time-zone save every page sends on a first visit), on the production build over the bench database.
// Prints, per page, the p50/p95 and the p95 as a ratio to the trivial page (/healthz) measured just before, and the
// errors (any answer of 400 or more, or no answer within 30 s). Own loop rather than autocannon: each user keeps its
// own session and walks its own role's pages, which autocannon's fixed request lists do not model.
//   npm run build && npx tsx bench/load.ts     (DATABASE_URL: the server; BENCH_DB, default rdv_bench;
//   BENCH_USERS 100, BENCH_LOAD_SECONDS 60, BENCH_PORT 3390; seeds the bench data first if missing: BENCH_MEETINGS)
import os from "node:os";

type Step = { name: string; path: string; post?: Record<string, string>; weight: number };
type Role = { label: string; users: string[]; steps: Step[] };

const USERS = Number(process.env.BENCH_USERS ?? 100);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);

/** Users whose scope holds c_0 and c_1 (bench/seed.ts: AM 0 runs campaigns 0-199, client 0 owns c_0, SDRs 0-9 work on c_0). */
function roles(meetingId: string): { role: Role; share: number }[] {
  const tz: Step = { name: "form post: time-zone save", path: "/set-timezone", post: { timeZone: "Europe/Paris" }, weight: 1 };
  const comment: Step = { name: "form post: meeting comment", path: `/campaigns/c_0/meetings/${meetingId}`, post: { intent: "comment", body: "Called back, confirmed the agenda." }, weight: 1 };
  return [
    { share: 0.1, role: { label: "agency admin", users: ["u_admin"], steps: [
      { name: "agency admin home", path: "/home", weight: 3 },
      { name: "portfolio (1,000 campaigns)", path: "/portfolio", weight: 2 },
      { name: "campaigns list", path: "/campaigns", weight: 1 },
      { name: "Overview, largest campaign", path: "/campaigns/c_0", weight: 2 },
      { name: "meetings list, largest campaign", path: "/campaigns/c_0/meetings", weight: 1 },
      tz,
    ] } },
    { share: 0.3, role: { label: "account manager", users: ["u_am_0"], steps: [
      { name: "AM home", path: "/home", weight: 3 },
      { name: "Overview, typical campaign", path: "/campaigns/c_1", weight: 3 },
      { name: "Objectives tab", path: "/campaigns/c_0/objectives", weight: 1 },
      { name: "meetings list, largest campaign", path: "/campaigns/c_0/meetings", weight: 1 },
      { name: "meetings list, filtered", path: "/campaigns/c_0/meetings?status=HELD&verdict=DISPUTED", weight: 1 },
      comment,
      tz,
    ] } },
    { share: 0.3, role: { label: "SDR", users: ["u_sdr_0"], steps: [
      { name: "SDR home", path: "/home", weight: 3 },
      { name: "meetings list, largest campaign", path: "/campaigns/c_0/meetings", weight: 3 },
      { name: "meetings list, text search", path: "/campaigns/c_0/meetings?q=Globex", weight: 1 },
      { name: "meeting detail", path: `/campaigns/c_0/meetings/${meetingId}`, weight: 2 },
      comment,
    ] } },
    { share: 0.2, role: { label: "client admin", users: ["u_cadmin_0"], steps: [
      { name: "client admin home", path: "/home", weight: 3 },
      { name: "Overview, largest campaign (client)", path: "/campaigns/c_0", weight: 3 },
      { name: "meetings list (client)", path: "/campaigns/c_0/meetings", weight: 2 },
      { name: "client portfolio", path: "/portfolio", weight: 1 },
      tz,
    ] } },
    { share: 0.1, role: { label: "client member", users: ["u_cmember_0"], steps: [
      { name: "client member home", path: "/home", weight: 2 },
      { name: "Overview, largest campaign (client)", path: "/campaigns/c_0", weight: 2 },
      { name: "meetings list (client)", path: "/campaigns/c_0/meetings", weight: 2 },
    ] } },
  ];
}

function pickStep(steps: Step[]) {
  let r = Math.random() * steps.reduce((s, x) => s + x.weight, 0);
  for (const s of steps) if ((r -= s.weight) < 0) return s;
  return steps[steps.length - 1];
}

const q = (xs: number[], p: number) => (xs.length ? Math.round(xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] * 10) / 10 : 0);

/** From bench/run.ts (or run directly): starts the production build on `port` over `db` and runs the load. */
export async function runLoad(base: string, db: string, port: number) {
  const { urlFor } = await import("./seed");
  const url = urlFor(base, db);
  process.env.DATABASE_URL = url;
  const { cookieFor, measurePage, startServer } = await import("./harness");
  const { prisma } = await import("~/utils/db.server");
  // One of SDR 0's seeded meetings (an SDR sees only their own: the mix's SDR sessions are all SDR 0's; an imported
  // meeting left by bench/import.ts would be the latest otherwise).
  const meeting = await prisma.meeting.findFirstOrThrow({ where: { campaignId: "c_0", sdrId: "u_sdr_0", externalId: null }, orderBy: { scheduledAt: "desc" }, select: { id: true } });
  const server = await startServer(port, { DATABASE_URL: url });
  const origin = `http://127.0.0.1:${port}`;
  try {
    const trivial = await measurePage(port, "trivial page (/healthz)", "/healthz", null);
    const mix = roles(meeting.id);
    // The users: each role's share of USERS, each user with its own signed-in session.
    const users: { role: Role; cookie: string }[] = [];
    for (const { role, share } of mix) {
      const n = Math.max(1, Math.round(USERS * share));
      for (let i = 0; i < n && users.length < USERS; i++) users.push({ role, cookie: await cookieFor(role.users[i % role.users.length]) });
    }
    const times = new Map<string, number[]>();
    const errors = new Map<string, number>();
    /** Errors by page and answer ("404", or "timeout": no answer in 30 s), to tell the app's refusals from the machine's queue. */
    const codes = new Map<string, number>();
    let requests = 0;
    const loadAtStart = os.loadavg().map((x) => x.toFixed(1)).join(" ");
    const end = Date.now() + SECONDS * 1000;
    console.log(`\n${users.length} simulated users for ${SECONDS} s (trivial page p95 ${trivial.p95} ms just before); load ${loadAtStart}`);
    await Promise.all(
      users.map(async (u) => {
        while (Date.now() < end) {
          const step = pickStep(u.role.steps);
          const t = performance.now();
          let ok = false;
          let code = "timeout";
          try {
            const res = await fetch(`${origin}${step.path}`, {
              method: step.post ? "POST" : "GET",
              headers: { cookie: u.cookie, ...(step.post ? { origin, "content-type": "application/x-www-form-urlencoded" } : {}) },
              body: step.post ? new URLSearchParams(step.post).toString() : undefined,
              redirect: "manual",
              signal: AbortSignal.timeout(30_000),
            });
            await res.arrayBuffer();
            ok = res.status < 400;
            code = String(res.status);
          } catch {
            ok = false;
          }
          requests++;
          const list = times.get(step.name) ?? [];
          list.push(performance.now() - t);
          times.set(step.name, list);
          if (!ok) {
            errors.set(step.name, (errors.get(step.name) ?? 0) + 1);
            codes.set(`${step.name}: ${code}`, (codes.get(`${step.name}: ${code}`) ?? 0) + 1);
          }
        }
      }),
    );
    const totalErrors = [...errors.values()].reduce((a, b) => a + b, 0);
    console.log(`${requests} requests (${Math.round(requests / SECONDS)} req/s), ${totalErrors} errors; load at the end ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}\n`);
    if (codes.size) console.log(`Errors by answer: ${[...codes.entries()].map(([k, n]) => `${k} x${n}`).join("; ")}\n`);
    console.log("| page or form post | requests | errors | p50 ms | p95 ms | p95 / trivial p95 |\n|---|---|---|---|---|---|");
    for (const [name, list] of [...times.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      list.sort((a, b) => a - b);
      console.log(`| ${name} | ${list.length} | ${errors.get(name) ?? 0} | ${q(list, 0.5)} | ${q(list, 0.95)} | ${(q(list, 0.95) / trivial.p95).toFixed(1)} |`);
    }
    return { requests, errors: totalErrors };
  } finally {
    server.kill("SIGTERM");
  }
}

if (process.argv[1]?.endsWith("bench/load.ts")) {
  process.env.SESSION_SECRET ??= "bench-secret-bench-secret";
  const base = process.env.DATABASE_URL!;
  const db = process.env.BENCH_DB ?? "rdv_bench";
  const { ensureBenchData } = await import("./seed");
  await ensureBenchData(base, db, Number(process.env.BENCH_MEETINGS ?? 1_000_000));
  const r = await runLoad(base, db, Number(process.env.BENCH_PORT ?? 3390));
  const { prisma } = await import("~/utils/db.server");
  await prisma.$disconnect();
  process.exit(r.errors ? 1 : 0);
}
