// Signed one-click unsubscribe links (issue 16): a token names one user and one kind of notification, signed with
// the session secret (HMAC-SHA256), so the link needs no sign-in and can only stop that kind for that user. The daily
// digest gathers several kinds: its link names "DIGEST" and stops the digest (its kinds stay in the app only).
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "~/utils/env.server";
import { isNotificationKind, type NotificationKind } from "~/domain/notifications/kinds";

function sign(payload: string) {
  return createHmac("sha256", `unsubscribe:${env().SESSION_SECRET}`).update(payload).digest("base64url");
}

/** What one link unsubscribes from: one kind of notification email, or the daily digest. */
export type UnsubscribeScope = NotificationKind | "DIGEST";
function isScope(value: unknown): value is UnsubscribeScope {
  return value === "DIGEST" || isNotificationKind(value);
}

export function unsubscribeToken(userId: string, kind: UnsubscribeScope) {
  const payload = `${userId}.${kind}`;
  return `${payload}.${sign(payload)}`;
}

/** The user and kind a token names, or null when it is malformed or its signature does not match. */
export function readUnsubscribeToken(token: string): { userId: string; kind: UnsubscribeScope } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, kind, sig] = parts;
  if (!userId || !isScope(kind)) return null;
  const expected = Buffer.from(sign(`${userId}.${kind}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, kind };
}
