// What every benchmark shares: the production server (server.mjs, as users get it: forgery check, headers, log),
// a signed-in cookie per role, and the measuring loop (warm-up, then REQUESTS requests CONCURRENCY at a time).
import crypto from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

// A production server refuses the public demo secret; the bench signs its cookies with the same one it gives the server.
process.env.SESSION_SECRET ??= `bench-${crypto.randomBytes(24).toString("hex")}`;

export const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

/** statements: SQL statements the last request sent (the server's Server-Timing header, SQL_STATS=1). */
/** cpuMs: the server process's CPU (user + system) per request over the loop, when its pid was given. */
export type Result = { name: string; p50: number; p95: number; p99: number; rps: number; bytes: number; statements: number | null; cpuMs?: number };

/** Starts the production build on `port` with background jobs off; resolves once it listens. */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const server = spawn(process.execPath, [new URL("../server.mjs", import.meta.url).pathname, "./build/index.js"], {
    env: { ...process.env, SQL_STATS: "1", ...env, PORT: String(port), NODE_ENV: "production", RUN_JOBS: "false" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    // A loaded machine can take more than 30 s to start the build; the server is stopped if it does not answer in time.
    const wait = Number(process.env.BENCH_START_TIMEOUT ?? 120) * 1000;
    const timer = setTimeout(() => {
      server.kill("SIGTERM");
      reject(new Error(`server did not start in ${wait / 1000} s`));
    }, wait);
    server.stdout!.on("data", (d) => {
      if (String(d).includes("[rendezvous]")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return server;
}

/** The Cookie header of a fresh session of this user ("" signed out). */
export async function cookieFor(userId: string | null) {
  if (!userId) return "";
  const { createSession, sessionCookie } = await import("~/utils/auth.server");
  return (await sessionCookie.serialize((await createSession(userId, "bench")).id)).split(";")[0];
}

/** What the loop needs of one answer: its size and the SQL statements it sent (null when the server does not say). */
export type Sample = { bytes: number; statements: number | null };

/** Sends one request with fetch, checks its status, and reads its size and statement count (Server-Timing, SQL_STATS=1). */
export async function fetchSample(url: string, init: RequestInit = {}, expect = 200): Promise<Sample> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const body = await res.text();
  if (res.status !== expect) throw new Error(`${init.method ?? "GET"} ${url} answered ${res.status} (expected ${expect}): ${body.slice(0, 300)}`);
  const timing = res.headers.get("server-timing")?.match(/"(\d+) statements"/);
  return { bytes: body.length, statements: timing ? Number(timing[1]) : null };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); null elsewhere. */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux

/**
 * The closed loop every bench shares: 5 warm-up requests, then `requests` requests `concurrency` at a time, each
 * sent by `request` (which checks its answer). With `serverPid`, the server's CPU per request over the loop.
 */
export async function measure(
  name: string,
  request: () => Promise<Sample>,
  opts: { requests?: number; concurrency?: number; serverPid?: number } = {},
): Promise<Result> {
  const requests = opts.requests ?? REQUESTS;
  const concurrency = opts.concurrency ?? CONCURRENCY;
  for (let i = 0; i < 5; i++) await request();
  const times: number[] = [];
  let last: Sample = { bytes: 0, statements: null };
  let next = 0;
  const cpu0 = processCpuMs(opts.serverPid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        const t = performance.now();
        last = await request();
        times.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu1 = processCpuMs(opts.serverPid);
  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 10) / 10;
  return {
    name, p50: q(0.5), p95: q(0.95), p99: q(0.99), rps: Math.round(times.length / elapsed), bytes: last.bytes, statements: last.statements,
    ...(cpu0 !== null && cpu1 !== null ? { cpuMs: Math.round(((cpu1 - cpu0) / times.length) * 10) / 10 } : {}),
  };
}

/** Latency percentiles, throughput and page size of the page `path`, asked as `userId`. */
export async function measurePage(port: number, name: string, path: string, userId: string | null, opts: { serverPid?: number } = {}): Promise<Result> {
  const cookie = await cookieFor(userId);
  const url = `http://127.0.0.1:${port}${path}`;
  return measure(name, () => fetchSample(url, { headers: { cookie } }), opts);
}
