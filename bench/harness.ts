// What every benchmark shares: the production server (server.mjs, as users get it: forgery check, headers, log),
// a signed-in cookie per role, and the measuring loop (warm-up, then REQUESTS requests CONCURRENCY at a time).
import crypto from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";

// A production server refuses the public demo secret; the bench signs its cookies with the same one it gives the server.
process.env.SESSION_SECRET ??= `bench-${crypto.randomBytes(24).toString("hex")}`;

export const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

/** statements: SQL statements the last request sent (the server's Server-Timing header, SQL_STATS=1). */
export type Result = { name: string; p50: number; p95: number; p99: number; rps: number; bytes: number; statements: number | null };

/** Starts the production build on `port` with background jobs off; resolves once it listens. */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const server = spawn(process.execPath, [new URL("../server.mjs", import.meta.url).pathname, "./build/index.js"], {
    env: { ...process.env, SQL_STATS: "1", ...env, PORT: String(port), NODE_ENV: "production", RUN_JOBS: "false" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start in 120 s")), 120_000);
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

/** Latency percentiles, throughput and page size of `path`, asked as `userId`. */
export async function measure(port: number, name: string, path: string, userId: string | null): Promise<Result> {
  const cookie = await cookieFor(userId);
  const url = `http://127.0.0.1:${port}${path}`;
  for (let i = 0; i < 5; i++) await fetch(url, { headers: { cookie } }).then((r) => r.text());
  const times: number[] = [];
  let bytes = 0;
  let statements: number | null = null;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t = performance.now();
        const res = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        bytes = body.length;
        const timing = res.headers.get("server-timing")?.match(/"(\d+) statements"/);
        statements = timing ? Number(timing[1]) : null;
        times.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 10) / 10;
  return { name, p50: q(0.5), p95: q(0.95), p99: q(0.99), rps: Math.round(times.length / elapsed), bytes, statements };
}
