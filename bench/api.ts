// API benchmark (issue 15) at the dashboards' bench size (bench/seed.ts: 1,000,000 meetings, 200,000 on campaign c_0):
// creating a meeting and listing 100 meetings through /api/v1, each beside the trivial page of the same server in the
// same run (/healthz), then the webhook worker (the app's own job definition, pg-boss) delivering 1,000 events to a
// local receiver, every signature then verified with the standardwebhooks library.
//   npm run build && BENCH_DB=rdv_bench node scripts/with-db.mjs tsx bench/api.ts      (not part of npm test)
//   BENCH_REQUESTS (default 200)  BENCH_CONCURRENCY (default 1: one client at a time; see bench/README.md)
//   BENCH_SKIP=webhooks|api  BENCH_WEBHOOK_EVENTS (default 1000)
import http from "node:http";
import os from "node:os";
import { fetchSample, measure, startServer, type Result } from "./harness";
import { ensureBenchData, urlFor } from "./seed";

const BASE = process.env.DATABASE_URL!;
const DB = process.env.BENCH_DB ?? "rdv_bench";
const PORT = Number(process.env.BENCH_PORT ?? 3391);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);
const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1000);
const SKIP = new Set((process.env.BENCH_SKIP ?? "").split(",").filter(Boolean));
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(" ");

process.env.SESSION_SECRET ??= "bench-secret-bench-secret";
process.env.WEBHOOKS_ALLOW_LOOPBACK = "true"; // the local receiver (this process) is on 127.0.0.1
await ensureBenchData(BASE, DB, MEETINGS);
process.env.DATABASE_URL = urlFor(BASE, DB);

const { prisma } = await import("~/utils/db.server");
const { createApiKey } = await import("~/models/api/keys.server");
const { utcToZonedInput } = await import("~/domain/shared/timezone");

const run = Date.now().toString(36);
const results: (Result & { trivial: number; trivialP50: number })[] = [];
const print = (r: Result & { trivial: number; trivialP50: number }) =>
  console.log(
    `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${(r.p95 / r.trivial).toFixed(1)} | ${(r.p50 / r.trivialP50).toFixed(1)} | ${r.cpuMs ?? ""} | ${r.rps} | ${r.statements ?? ""} | ${r.bytes} |`,
  );

if (!SKIP.has("api")) {
  // The largest campaign, its approved persona version, one of its ten SDRs; the key is the agency admin's.
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: "c_0" }, select: { id: true, agencyId: true } });
  const persona = await prisma.personaVersion.findFirstOrThrow({ where: { persona: { campaignId: campaign.id }, status: "APPROVED" }, select: { id: true } });
  const sdr = await prisma.campaignAssignment.findFirstOrThrow({ where: { campaignId: campaign.id }, select: { userId: true }, orderBy: { id: "asc" } });
  const { token } = await createApiKey({ agencyId: campaign.agencyId, name: `Bench ${run}`, scopes: ["meetings:read", "meetings:write", "campaigns:read"], createdById: "u_admin" });

  const server = await startServer(PORT, { DATABASE_URL: process.env.DATABASE_URL, API_RATE_LIMIT_PER_MINUTE: "1000000" });
  const base = `http://127.0.0.1:${PORT}`;
  let n = 0;

  // Each request of a kind, through harness.measure's closed loop; the server's CPU per request beside the latency.
  const measureApi = (name: string, init: () => { path: string; method?: string; body?: unknown }, expect: number): Promise<Result> =>
    measure(
      name,
      () => {
        const r = init();
        return fetchSample(
          `${base}${r.path}`,
          {
            method: r.method ?? "GET",
            headers: { Authorization: `Bearer ${token}`, ...(r.body ? { "Content-Type": "application/json" } : {}) },
            body: r.body ? JSON.stringify(r.body) : undefined,
          },
          expect,
        );
      },
      { requests: REQUESTS, concurrency: CONCURRENCY, serverPid: server.pid },
    );

  const meeting = () => {
    n++;
    return {
      path: `/api/v1/campaigns/${campaign.id}/meetings`,
      method: "POST",
      body: {
        personaVersionId: persona.id, sdrId: sdr.userId, prospectName: `Bench prospect ${n}`, prospectEmail: `bench-api-${run}-${n}@prospect.test`,
        prospectCompany: `Bench company ${n}`, scheduledLocal: utcToZonedInput(new Date(Date.now() + (3 * 86400 + n * 60) * 1000), "Europe/Paris"),
        timeZone: "Europe/Paris", durationMinutes: 30, channel: "VIDEO", externalId: `bench-${run}-${n}`, confirmWarnings: true, checks: [],
      },
    };
  };
  const trivial = () => measureApi("trivial page (/healthz)", () => ({ path: "/healthz" }), 200);
  const steps: [string, () => Promise<Result>][] = [
    ["GET /api/v1/campaigns/:id", () => measureApi("GET /api/v1/campaigns/:id (c_0)", () => ({ path: `/api/v1/campaigns/${campaign.id}` }), 200)],
    ["create", () => measureApi("POST /api/v1/campaigns/:id/meetings (create on c_0, 200,000 meetings)", meeting, 201)],
    ["list", () => measureApi("GET /api/v1/meetings?limit=100 (agency: 1,000,000)", () => ({ path: "/api/v1/meetings?limit=100" }), 200)],
    ["list filtered", () => measureApi("GET /api/v1/meetings?limit=100, c_0 + HELD", () => ({ path: `/api/v1/meetings?limit=100&campaignId=${campaign.id}&status=HELD` }), 200)],
    ["replay", () => measureApi("POST same externalId again (200, the same meeting)", () => ({ ...meeting(), body: { ...meeting().body, externalId: `bench-${run}-1` } }), 200)],
  ];
  log(`API: ${REQUESTS} requests each, ${CONCURRENCY} at a time; load ${load()}`);
  console.log("| request | p50 ms | p95 ms | p99 ms | p95 / trivial p95 | p50 / trivial p50 | server CPU ms / request | req/s | SQL statements | bytes |\n|---|---|---|---|---|---|---|---|---|---|");
  try {
    let t = await trivial();
    results.push({ ...t, trivial: t.p95, trivialP50: t.p50 });
    print(results[results.length - 1]);
    for (const [, step] of steps) {
      const r = await step();
      results.push({ ...r, trivial: t.p95, trivialP50: t.p50 });
      print(results[results.length - 1]);
      t = await trivial(); // the trivial page again after each, so each ratio is to a neighbour in time
      results.push({ ...t, trivial: t.p95, trivialP50: t.p50 });
      print(results[results.length - 1]);
    }
  } finally {
    server.kill("SIGTERM");
  }
  log(`API done; load ${load()}`);
}

if (!SKIP.has("webhooks")) {
  // A local receiver that answers 204 at once and keeps what it got, verified after the clock stops.
  const { Webhook } = await import("standardwebhooks");
  const { newEventId, envelope, newWebhookSecret } = await import("~/domain/webhooks/events");
  const { sealSecret } = await import("~/services/secret-box.server");
  const secret = newWebhookSecret();
  const { getBoss, stopQueue, QUEUES } = await import("~/services/queue.server");
  const { JOBS } = await import("~/jobs/definitions.server");
  const { apiMeeting } = await import("~/models/webhooks/events.server");
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const port = (receiver.address() as { port: number }).port;

  const endpoint = await prisma.webhookEndpoint.create({
    data: { agencyId: "ag", url: `http://127.0.0.1:${port}/hook`, events: ["meeting.created"], secret: sealSecret(secret), description: `bench ${run}` },
    select: { id: true },
  });
  // 1,000 meeting.created events, each the payload a real one carries (a meeting of c_0 as the API shows it).
  const sample = await prisma.meeting.findFirstOrThrow({ where: { campaignId: "c_0" }, select: { id: true } });
  const data = { meeting: await apiMeeting(prisma, sample.id) };
  const now = new Date();
  const rows = await prisma.webhookDelivery.createManyAndReturn({
    data: Array.from({ length: EVENTS }, () => {
      const id = newEventId();
      return { endpointId: endpoint.id, eventId: id, eventType: "meeting.created", payload: envelope(id, "meeting.created", now, data) as object, nextAttemptAt: now };
    }),
    select: { id: true },
  });
  const boss = await getBoss();
  const job = JOBS.find((j) => j.queue === QUEUES.webhookDeliver)!;
  log(`webhooks: ${EVENTS} deliveries to a local receiver, the worker's own definition (batch ${job.batchSize}, polling ${job.pollingIntervalSeconds} s); load ${load()}`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await boss.insert(rows.map((r) => ({ name: QUEUES.webhookDeliver, data: { deliveryId: r.id } })));
  await boss.work(job.queue, { pollingIntervalSeconds: job.pollingIntervalSeconds, batchSize: job.batchSize }, job.handle);
  let sent = 0;
  while (performance.now() - t0 < 300_000) {
    sent = await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "SENT" } });
    if (sent >= EVENTS) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await stopQueue();
  receiver.close();
  const wh = new Webhook(secret);
  let verified = 0;
  for (const r of received) {
    try {
      wh.verify(r.body, { "webhook-id": String(r.headers["webhook-id"]), "webhook-timestamp": String(r.headers["webhook-timestamp"]), "webhook-signature": String(r.headers["webhook-signature"]) });
      verified++;
    } catch {
      /* counted as not verified */
    }
  }
  const ids = new Set(received.map((r) => r.headers["webhook-id"]));
  log(`webhooks: ${sent} of ${EVENTS} delivered in ${seconds.toFixed(1)} s (target < 30 s): ${Math.round(sent / seconds)}/s; received ${received.length} (${ids.size} distinct event ids), ${verified} signatures verified; process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load ${load()}`);
  await prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
}

await prisma.$disconnect();
process.exit(0);
