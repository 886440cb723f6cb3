// API keys: the token format, its hash and the scopes a key may carry. Pure: no database, no request.
import crypto from "node:crypto";
import { z } from "zod";
import { requiredText } from "~/domain/shared/validation";

export const API_SCOPES = ["meetings:read", "meetings:write", "activity:write", "campaigns:read", "reports:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
/** What a client admin's key may carry: reading only. */
export const CLIENT_API_SCOPES: readonly ApiScope[] = ["meetings:read", "campaigns:read", "reports:read"];

export function isApiScope(s: string): s is ApiScope {
  return (API_SCOPES as readonly string[]).includes(s);
}

/** A new token, "rdv_" + 40 url-safe characters; `prefix` (its first 12 characters) is not secret. */
export function newApiToken(): { token: string; prefix: string; hash: string } {
  const token = `rdv_${crypto.randomBytes(30).toString("base64url")}`;
  return { token, prefix: token.slice(0, 12), hash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(rdv_[A-Za-z0-9_-]{20,100})\s*$/.exec(header);
  return m ? m[1] : null;
}

/** Whether a key limited to `limit` client companies (empty: all) may see `clientCompanyId`. */
export function keyCoversClient(limit: readonly string[], clientCompanyId: string): boolean {
  return limit.length === 0 || limit.includes(clientCompanyId);
}

/** The settings page's form: a name, at least one scope, and the client companies it is limited to (none: all). */
export const apiKeyFormSchema = z.object({
  name: requiredText(80),
  scopes: z.array(z.enum(API_SCOPES, { error: "common.errors.invalid" })).min(1, { error: "api.errors.scopes" }),
  clientCompanyIds: z.array(z.string().trim().min(1).max(40, { error: "common.errors.invalid" })).max(100, { error: "common.errors.invalid" }),
});
export type ApiKeyForm = z.infer<typeof apiKeyFormSchema>;
