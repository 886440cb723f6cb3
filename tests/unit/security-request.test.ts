// The rules server.mjs applies to every request (issue 8, findings 1, 2 and 11), on their own.
import { checkRequestOrigin, FORGERY_CHECK_EXEMPT_PREFIXES } from "~/utils/csrf.server";
import { contentSecurityPolicy, redactUrlForLog, securityHeaders } from "~/utils/headers.server";
import { safeRedirect } from "~/utils/redirect.server";

const APP = "https://portal.example.com";
const req = (method: string, path: string, headers: Record<string, string> = {}) => ({ method, url: `https://portal.example.com${path}`, headers: new Headers(headers) });

describe("the forgery check", () => {
  it("lets safe methods and our own pages through", () => {
    expect(checkRequestOrigin(req("GET", "/home", { "sec-fetch-site": "cross-site" }), APP).ok).toBe(true);
    expect(checkRequestOrigin(req("POST", "/set-locale", { "sec-fetch-site": "same-origin", origin: APP }), APP).ok).toBe(true);
    expect(checkRequestOrigin(req("POST", "/set-locale", { origin: APP }), APP).ok).toBe(true);
    // No Origin and no Fetch Metadata: not a browser page, so not a forgery (curl, calendar apps, tests).
    expect(checkRequestOrigin(req("POST", "/set-locale"), APP).ok).toBe(true);
  });

  it("refuses sibling subdomains, other ports, other sites and opaque origins", () => {
    const foreign: Record<string, string>[] = [
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-origin", origin: "https://evil.example.com" },
      { origin: "https://evil.example.com" },
      { origin: "https://portal.example.com:8443" },
      { origin: "http://portal.example.com" },
      { origin: "null" },
    ];
    for (const headers of foreign) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(checkRequestOrigin(req(method, "/set-locale?_data=routes%2Fset-locale", headers), APP).ok, JSON.stringify(headers)).toBe(false);
    }
  });

  it("compares with the request's own origin when APP_URL is unset", () => {
    expect(checkRequestOrigin(req("POST", "/x", { origin: APP }), undefined).ok).toBe(true);
    expect(checkRequestOrigin(req("POST", "/x", { origin: "https://other.example.com" }), undefined).ok).toBe(false);
  });

  it("exempts only the Bearer-key API and the Stripe webhook", () => {
    expect(FORGERY_CHECK_EXEMPT_PREFIXES).toEqual(["/api/", "/webhooks/stripe"]);
    expect(checkRequestOrigin(req("POST", "/api/v1/meetings", { "sec-fetch-site": "cross-site" }), APP)).toEqual({ ok: true, exempt: true });
    expect(checkRequestOrigin(req("POST", "/webhooks/stripe", { origin: "https://stripe.com" }), APP).ok).toBe(true);
    expect(checkRequestOrigin(req("POST", "/apiary", { origin: "https://evil.test" }), APP).ok).toBe(false);
  });
});

describe("safeRedirect", () => {
  it("keeps paths on our origin", () => {
    expect(safeRedirect("/campaigns?status=ACTIVE#top")).toBe("/campaigns?status=ACTIVE#top");
    expect(safeRedirect("/campaigns/abc/meetings")).toBe("/campaigns/abc/meetings");
  });

  it("refuses every way off-site", () => {
    for (const to of ["//evil.test/x", "/\\localhost:8081/x", "/\\/evil.test", "/\t/evil.test", "/%09/evil.test", "/%0a/evil.test", "/%5Cevil.test", "/%2F/evil.test", "https://evil.test", "http:/evil.test", "javascript:alert(1)", " /x", "", null, undefined, "/%E0%A4%A"]) {
      expect(safeRedirect(to, "/home"), JSON.stringify(to)).toBe("/home");
    }
  });
});

describe("response headers", () => {
  it("carry a nonce CSP without framing, and no-store on the portal's own answers", () => {
    const h = securityHeaders({ nonce: "abc", production: true, https: true, dynamic: true });
    expect(h["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc'");
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(h["Content-Security-Policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(h).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin", "Cache-Control": "private, no-store" });
    expect(h["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(securityHeaders({ nonce: "abc", production: false, https: false, dynamic: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(contentSecurityPolicy("n")).not.toContain("ws:");
  });

  it("keep tokens out of the access log", () => {
    expect(redactUrlForLog("/calendar/AbCdEf123456789012345.ics?campaign=c1")).toBe("/calendar/[redacted]?campaign=c1");
    expect(redactUrlForLog("/reset-password/secret-token?_data=routes%2Freset-password.%24token")).toBe("/reset-password/[redacted]?_data=routes%2Freset-password.%24token");
    expect(redactUrlForLog("/invitations/tok")).toBe("/invitations/[redacted]");
    expect(redactUrlForLog("/invitations")).toBe("/invitations");
    expect(redactUrlForLog("/x?token=abc&y=1")).toBe("/x?token=[redacted]&y=1");
  });
});

describe("the environment at start", () => {
  const saved = { ...process.env };
  afterEach(async () => {
    process.env = { ...saved };
    (await import("~/utils/env.server")).resetEnvCache();
  });

  it("refuses the public default SESSION_SECRET in production, and accepts one of its own", async () => {
    const { env, resetEnvCache } = await import("~/utils/env.server");
    process.env.NODE_ENV = "production";
    delete process.env.SESSION_SECRET;
    resetEnvCache();
    expect(() => env()).toThrow(/SESSION_SECRET/);
    process.env.SESSION_SECRET = "a-long-secret-of-our-own-1234";
    resetEnvCache();
    expect(env().SESSION_SECRET).toBe("a-long-secret-of-our-own-1234");
  });
});
