// Cross-site and same-site request forgery: one check, in the server entry (server.mjs), before Remix runs any
// action, so it covers document posts, fetcher posts (`?_data=`) and resource routes alike.
// See docs/decisions/0010-request-forgery.md.

/** Paths whose non-GET requests carry their own credential (a Bearer key, a signature), not the session cookie. */
export const FORGERY_CHECK_EXEMPT_PREFIXES = ["/api/", "/webhooks/stripe"] as const;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type ForgeryVerdict = { ok: true; exempt?: boolean } | { ok: false; reason: string };

/**
 * Whether a request may change state: safe methods always; otherwise a browser must say the request comes from
 * our own origin (`Sec-Fetch-Site: same-origin`, or, for browsers without Fetch Metadata, an `Origin` equal to
 * ours). A request with neither header does not come from a browser page, so it cannot be forged by one.
 * `appUrl` is the public address (APP_URL); without it the request's own origin stands in.
 */
export function checkRequestOrigin(input: { method: string; url: string; headers: Headers }, appUrl?: string): ForgeryVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true };
  const url = new URL(input.url);
  if (FORGERY_CHECK_EXEMPT_PREFIXES.some((p) => url.pathname.startsWith(p))) return { ok: true, exempt: true };
  const ours = appUrl ? new URL(appUrl).origin : url.origin;
  const site = input.headers.get("sec-fetch-site");
  const origin = input.headers.get("origin");
  if (site) {
    // "none": typed by the user or a bookmark; "same-origin": our own pages. "same-site" (another port or a
    // sibling subdomain) and "cross-site" are refused.
    if (site !== "same-origin" && site !== "none") return { ok: false, reason: `Sec-Fetch-Site: ${site}` };
    if (origin && origin !== ours) return { ok: false, reason: `Origin: ${origin}` };
    return { ok: true };
  }
  if (origin) return origin === ours ? { ok: true } : { ok: false, reason: `Origin: ${origin}` };
  return { ok: true };
}

export const FORGERY_REFUSAL_BODY =
  "Forbidden: this request did not come from a Rendezvous page (cross-origin request refused). Reload the page and try again.";
