// Sending one webhook request without server-side request forgery (decision 0049): the name is resolved here, every
// address it resolves to is checked, and the connection goes to the checked address (undici's connect lookup), so a
// name that changes its answer between the check and the request (DNS rebinding) cannot reach a private address.
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, request } from "undici";
import { checkWebhookUrl, ipLiteral, isForbiddenAddress, type UrlRefusal } from "~/domain/webhooks/addresses";
import { env } from "~/utils/env.server";

export type GuardOptions = { requireHttps: boolean; allowLoopback: boolean };

/** The guard of this environment: https in production, loopback only with WEBHOOKS_ALLOW_LOOPBACK=true. */
export function webhookGuard(): GuardOptions {
  const e = env();
  return { requireHttps: e.NODE_ENV === "production", allowLoopback: e.WEBHOOKS_ALLOW_LOOPBACK === "true" };
}

export class ForbiddenAddressError extends Error {
  constructor(readonly reason: UrlRefusal | "unresolved") {
    super(reason === "unresolved" ? "The host name does not resolve" : `Refused webhook address (${reason})`);
  }
}

async function resolveAll(hostname: string): Promise<string[]> {
  try {
    const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
    return found.map((a) => a.address);
  } catch {
    return [];
  }
}

/**
 * Checks a URL as it would be delivered to: its form, then every address its name resolves to. Used at registration
 * (a clear refusal next to the field) and before every delivery.
 */
export async function checkWebhookTarget(raw: string, guard: GuardOptions = webhookGuard()): Promise<{ ok: true; url: URL } | { ok: false; reason: UrlRefusal | "unresolved" }> {
  const form = checkWebhookUrl(raw, guard);
  if (!form.ok) return form;
  const literal = ipLiteral(form.url.hostname);
  if (literal) return form;
  const addresses = await resolveAll(form.url.hostname);
  if (!addresses.length) return { ok: false, reason: "unresolved" };
  if (addresses.some((a) => isForbiddenAddress(a, guard))) return { ok: false, reason: "address" };
  return form;
}

/** A connect-time lookup that answers only checked addresses (every one the name resolves to must pass). */
function guardedLookup(guard: GuardOptions): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as dns.LookupAddress[];
      if (!list.length || list.some((a) => isForbiddenAddress(a.address, guard))) {
        return callback(Object.assign(new ForbiddenAddressError("address"), { code: "EFORBIDDEN" }), "", 4);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

const agents = new Map<string, Agent>();
function agentFor(guard: GuardOptions) {
  const k = `${guard.requireHttps}/${guard.allowLoopback}`;
  let a = agents.get(k);
  if (!a) {
    a = new Agent({ connect: { lookup: guardedLookup(guard) }, keepAliveTimeout: 10_000, connections: 16 });
    agents.set(k, a);
  }
  return a;
}

export type PostResult = { responseCode: number | null; durationMs: number; error: string | null; excerpt?: string | null };

/** Characters of a receiver's answer kept in the delivery log. */
export const EXCERPT_CHARS = 300;

async function readExcerpt(body: AsyncIterable<Buffer> & { dump: (o: { limit: number }) => Promise<void> }): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      if (size < 4096) chunks.push(chunk);
      size += chunk.length;
      if (size > 64 * 1024) break;
    }
  } catch {
    return null;
  }
  await body.dump({ limit: 64 * 1024 }).catch(() => undefined);
  const text = Buffer.concat(chunks).toString("utf8").replace(/\s+/g, " ").trim();
  return text ? text.slice(0, EXCERPT_CHARS) : null;
}

/** POSTs a signed body; never follows redirects; gives up after `timeoutMs`. A 2xx answer is a success. */
export async function postWebhook(rawUrl: string, headers: Record<string, string>, body: string, opts: { timeoutMs?: number; guard?: GuardOptions } = {}): Promise<PostResult> {
  const guard = opts.guard ?? webhookGuard();
  const timeoutMs = opts.timeoutMs ?? env().WEBHOOK_TIMEOUT_MS;
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const form = checkWebhookUrl(rawUrl, guard);
  if (!form.ok) return { responseCode: null, durationMs: took(), error: `Refused URL (${form.reason})` };
  try {
    const res = await request(form.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Rendezvous-Webhooks/1", ...headers },
      body,
      dispatcher: agentFor(guard),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
      maxRedirections: 0,
    });
    // Only the answer's first characters are kept (the delivery log); the rest is read so the connection can be reused.
    const excerpt = await readExcerpt(res.body);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    return { responseCode: res.statusCode, durationMs: took(), error: ok ? null : `HTTP ${res.statusCode}`, excerpt };
  } catch (e) {
    const err = e as Error & { code?: string; cause?: Error & { code?: string } };
    const forbidden = err instanceof ForbiddenAddressError || err.cause instanceof ForbiddenAddressError || err.code === "EFORBIDDEN" || err.cause?.code === "EFORBIDDEN";
    const message = forbidden ? "Refused address (private, loopback, link-local or metadata)" : (err.name === "TimeoutError" || err.name === "AbortError") ? `Timed out after ${timeoutMs} ms` : `${err.cause?.message ?? err.message}`;
    return { responseCode: null, durationMs: took(), error: message.slice(0, 500) };
  }
}
