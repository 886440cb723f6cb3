// The API's answers: JSON, and errors as application/problem+json (RFC 9457) with a stable `code`.
import { apiKeyOfRequest, type ApiKeyActor } from "./keys.server";
import type { ApiScope } from "~/domain/api/keys";

export type ProblemCode = "unauthenticated" | "forbidden" | "not_found" | "invalid" | "rate_limited" | "method_not_allowed" | "conflict" | "unconfirmed_warnings";
const TITLES: Record<ProblemCode, [number, string]> = {
  unauthenticated: [401, "A valid API key is required"],
  forbidden: [403, "This key lacks the scope this operation needs"],
  not_found: [404, "Not found"],
  invalid: [400, "The request is invalid"],
  rate_limited: [429, "Too many requests"],
  method_not_allowed: [405, "Method not allowed"],
  conflict: [409, "Conflicts with an existing resource"],
  unconfirmed_warnings: [422, "The meeting departs from the agreement; confirm to log it anyway"],
};

export function problem(code: ProblemCode, extra: { detail?: string; errors?: { field: string; message: string }[]; headers?: Record<string, string> } = {}) {
  const [status, title] = TITLES[code];
  const body = { type: `https://rendezvous.app/problems/${code.replace(/_/g, "-")}`, title, status, code, ...(extra.detail ? { detail: extra.detail } : {}), ...(extra.errors ? { errors: extra.errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...(code === "unauthenticated" ? { "WWW-Authenticate": 'Bearer realm="api"' } : {}), ...extra.headers },
  });
}

export function apiJson(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

/** The request's key, holding `scope`; otherwise throws the 401 or 403 problem (Remix answers a thrown Response). */
export async function requireApiKey(request: Request, scope: ApiScope): Promise<ApiKeyActor> {
  const key = await apiKeyOfRequest(request);
  if (!key) throw problem("unauthenticated");
  if (!key.scopes.includes(scope)) throw problem("forbidden", { detail: `Needs the ${scope} scope.` });
  return key;
}
