// Response headers every answer of the server carries (HTML, `?_data=` JSON, CSV, iCalendar, health, static
// files), applied once in server.mjs. See docs/decisions/0011-response-headers.md.
import crypto from "node:crypto";

/** A fresh nonce per HTML response, for the inline scripts Remix renders (`<Scripts nonce>`...). */
export function newCspNonce() {
  return crypto.randomBytes(16).toString("base64");
}

/** The Content Security Policy: scripts only from us or carrying this response's nonce; no framing. */
export function contentSecurityPolicy(nonce: string, { development = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Inline style attributes (progress bars, React Email's markup in the outbox viewer); no script can hide there.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "form-action 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * The headers for one response. `dynamic`: answered by the portal (not a static asset), so it may carry personal
 * data and must not be kept by a browser or shared cache.
 */
export function securityHeaders(opts: { nonce: string; production: boolean; https: boolean; dynamic: boolean; development?: boolean }) {
  const h: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(opts.nonce, { development: opts.development }),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (opts.production && opts.https) h["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  if (opts.dynamic) h["Cache-Control"] = "private, no-store";
  return h;
}

const SECRET_PATHS = /^\/(calendar|reset-password|invitations)\/[^/?#]+/;

/** A URL as the access log may show it: the secret of token links (calendar feed, reset, invitation) removed. */
export function redactUrlForLog(url: string) {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? "" : url.slice(q);
  const redactedPath = path.replace(SECRET_PATHS, "/$1/[redacted]");
  const redactedQuery = query.replace(/([?&](?:token|key|code)=)[^&#]*/gi, "$1[redacted]");
  return redactedPath + redactedQuery;
}
