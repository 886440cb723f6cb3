// The Idempotency-Key header on the API's POSTs: the first request with a key is answered and its answer kept;
// the same key with the same request gets that answer again (even while the first is still running: it waits);
// the same key with another request is a 422. As Stripe does, only successful answers are kept: a request refused
// (invalid, warnings to confirm, a failure) may be corrected and sent again with the same key. Keys last 24 hours.
import crypto from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { problem } from "./http.server";
import type { ApiKeyActor } from "./keys.server";

const KEEP_MS = 24 * 3600_000;
// How long an identical request waits for the first one's answer before it is told to retry (409, Retry-After):
// longer than a creation takes on a loaded machine, so concurrent duplicates get the same answer.
const WAIT_MS = 30_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

const isUnique = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function replay(status: number, body: string) {
  return new Response(body, {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", "Cache-Control": "no-store", "Idempotent-Replayed": "true" },
  });
}

/**
 * Runs `run` once per (key, Idempotency-Key): without the header it simply runs. `bodyText` is the raw body, part of
 * what makes "the same request".
 */
export async function withIdempotency(request: Request, key: ApiKeyActor, bodyText: string, run: () => Promise<Response>): Promise<Response> {
  const header = request.headers.get("idempotency-key");
  if (header === null) return run();
  if (!KEY_PATTERN.test(header)) return problem("invalid", { errors: [{ field: "Idempotency-Key", message: "1 to 255 visible ASCII characters." }] });
  const requestHash = crypto.createHash("sha256").update(`${request.method} ${new URL(request.url).pathname}\n${bodyText}`).digest("hex");
  const where = { apiKeyId_key: { apiKeyId: key.keyId, key: header } };

  const deadline = Date.now() + WAIT_MS;
  let pause = 30;
  for (;;) {
    try {
      await prisma.apiIdempotencyKey.create({ data: { apiKeyId: key.keyId, key: header, requestHash } });
      break; // ours to answer
    } catch (e) {
      if (!isUnique(e)) throw e;
    }
    const row = await prisma.apiIdempotencyKey.findUnique({ where, select: { requestHash: true, status: true, body: true, createdAt: true } });
    if (!row) continue; // the first attempt was refused and let go of the key: claim it again
    if (Date.now() - row.createdAt.getTime() > KEEP_MS) {
      await prisma.apiIdempotencyKey.deleteMany({ where: { apiKeyId: key.keyId, key: header, createdAt: row.createdAt } });
      continue;
    }
    if (row.requestHash !== requestHash) return problem("idempotency_mismatch", { detail: "Use a new Idempotency-Key for a different request." });
    if (row.status !== null) return replay(row.status, row.body ?? "");
    if (Date.now() > deadline) return problem("idempotency_in_progress", { headers: { "Retry-After": "1" } });
    await sleep(Math.min(250, (pause *= 1.5)));
  }

  const release = () => prisma.apiIdempotencyKey.deleteMany({ where: { apiKeyId: key.keyId, key: header, status: null } });
  let res: Response;
  try {
    res = await run();
  } catch (e) {
    await release();
    throw e;
  }
  if (res.status < 200 || res.status >= 300) {
    await release();
    return res;
  }
  const body = await res.clone().text();
  await prisma.apiIdempotencyKey.update({ where, data: { status: res.status, body } });
  await prisma.apiIdempotencyKey.deleteMany({ where: { apiKeyId: key.keyId, createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
  return res;
}
