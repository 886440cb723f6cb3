// The API's answers: JSON, and errors as application/problem+json (RFC 9457) with a stable `code`.
import { apiKeyOfRequest, type ApiKeyActor } from "./keys.server";
import type { ApiScope } from "~/domain/api/keys";
import type { z } from "zod";
import { issuesToErrors } from "~/domain/api/schemas";
import { apiBudget } from "./rate-limit.server";

export type ProblemCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "rate_limited"
  | "method_not_allowed"
  | "conflict"
  | "unconfirmed_warnings"
  | "idempotency_mismatch"
  | "idempotency_in_progress"
  | "unavailable";
const TITLES: Record<ProblemCode, [number, string]> = {
  unauthenticated: [401, "A valid API key is required"],
  forbidden: [403, "This key lacks the scope this operation needs"],
  not_found: [404, "Not found"],
  invalid: [400, "The request is invalid"],
  rate_limited: [429, "Too many requests"],
  method_not_allowed: [405, "Method not allowed"],
  conflict: [409, "Conflicts with an existing resource"],
  unconfirmed_warnings: [422, "The meeting departs from the agreement; confirm to log it anyway"],
  idempotency_mismatch: [422, "This Idempotency-Key was used with another request"],
  idempotency_in_progress: [409, "A request with this Idempotency-Key is still being answered"],
  unavailable: [503, "The service is busy; retry shortly"],
};

export function problem(code: ProblemCode, extra: { detail?: string; errors?: { field: string; message: string }[]; headers?: Record<string, string> } = {}) {
  const [status, title] = TITLES[code];
  const body = { type: `https://rendezvous.app/problems/${code.replace(/_/g, "-")}`, title, status, code, ...(extra.detail ? { detail: extra.detail } : {}), ...(extra.errors ? { errors: extra.errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...(code === "unauthenticated" ? { "WWW-Authenticate": 'Bearer realm="api"' } : {}), ...extra.headers },
  });
}

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers } });
}

/**
 * The request's key, holding `scope`, within its rate limit; otherwise throws the 401, 429 or 403 problem (Remix
 * answers a thrown Response).
 */
export async function requireApiKey(request: Request, scope: ApiScope): Promise<ApiKeyActor> {
  const found = await apiKeyOfRequest(request);
  if (!found) throw problem("unauthenticated");
  const { key } = found;
  const budget = apiBudget(found.count, found.windowStart);
  if (!budget.ok) {
    throw problem("rate_limited", {
      detail: `This key may make ${budget.limit} requests a minute.`,
      headers: { "Retry-After": String(budget.retryAfter), "RateLimit-Limit": String(budget.limit), "RateLimit-Remaining": "0" },
    });
  }
  if (!key.scopes.includes(scope)) throw problem("forbidden", { detail: `Needs the ${scope} scope.` });
  return key;
}

/** The JSON body of a request as text and value, or the 400 problem to answer. */
export async function readJsonBody(request: Request): Promise<{ text: string; body: unknown } | Response> {
  const text = await request.text();
  try {
    return { text, body: JSON.parse(text) as unknown };
  } catch {
    return problem("invalid", { detail: "The body is not JSON." });
  }
}

/** Query parameters parsed with the operation's schema (the one the OpenAPI document shows), or the 400 problem. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> | Response {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  return parsed.success ? parsed.data : problem("invalid", { errors: issuesToErrors(parsed.error) });
}

/** A JSON body parsed with the operation's schema, or the 400 problem. */
export function parseBody<T extends z.ZodType>(body: unknown, schema: T): z.infer<T> | Response {
  if (!body || typeof body !== "object" || Array.isArray(body)) return problem("invalid", { detail: "A JSON object is expected." });
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : problem("invalid", { errors: issuesToErrors(parsed.error) });
}
