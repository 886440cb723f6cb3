// Small helpers shared by the integration tests (not a test file itself).
import { afterEach, expect } from "vitest";
import { resetEnvCache } from "~/utils/env.server";
import { commitSession } from "~/utils/auth.server";
import { DomainError, type ErrorCode } from "~/domain/shared/errors";
import { prisma } from "~/utils/db.server";

/**
 * Sets environment variables for the current test (undefined deletes one) and restores them after it,
 * resetting the cached, validated environment both times.
 */
export function useEnv() {
  const saved = new Map<string, string | undefined>();
  afterEach(() => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    saved.clear();
    resetEnvCache();
  });
  return (vars: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (!saved.has(k)) saved.set(k, process.env[k]);
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvCache();
  };
}

/** Polls `check` until it returns a truthy value, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T> | T, { timeoutMs = 10_000, intervalMs = 50, what = "condition" } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A request carrying the session cookie a browser would send back after `commitSession`. */
export async function requestWithSession(sessionId: string, url = "http://localhost/home") {
  const setCookie = await commitSession(sessionId);
  const cookie = setCookie.split(";")[0];
  return new Request(url, { headers: { Cookie: cookie } });
}

/** Runs `work` and returns the DomainError it throws (failing if it succeeds or throws something else). */
export async function domainError(work: Promise<unknown> | (() => unknown)): Promise<DomainError> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError, but the call succeeded");
}

export async function expectDomainError(work: Promise<unknown> | (() => unknown), code: ErrorCode) {
  const e = await domainError(work);
  expect(e.code).toBe(code);
  return e;
}

/** The link of the only outbox email sent to `to` (or the newest one), read from its text version. */
export async function linkInEmail(to: string, pattern: RegExp) {
  const email = await prisma.emailOutbox.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
  if (!email) throw new Error(`no email to ${to}`);
  const match = email.text.match(pattern);
  if (!match) throw new Error(`no link matching ${pattern} in the email to ${to}:\n${email.text}`);
  return { email, url: match[0] };
}
