import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { createCookie, redirect } from "@remix-run/node";
import { prisma } from "./db.server";
import { env } from "./env.server";
import { can, type Capability, type Role } from "~/domain/shared/permissions";
import { DomainError } from "~/domain/shared/errors";
import type { Locale } from "~/i18n";
import { reserveLoginAttempt, settleLoginAttempt } from "./rate-limit.server";
import { touchSession } from "~/utils/session-last-seen.server";
import { ownRequestReads } from "~/utils/request-memo.server";

const SESSION_DAYS = 30;

export const sessionCookie = createCookie("rdv_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  secrets: [env().SESSION_SECRET],
  maxAge: SESSION_DAYS * 24 * 3600,
});

/** Who is asking: the signed-in user in their (single, per agency) membership. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  locale: Locale | null;
  /** The user's IANA time zone, null until the browser told us. */
  timeZone: string | null;
  sessionId: string;
  membershipId: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  clientCompanyId: string | null;
  clientCompanyName: string | null;
};

export async function hashPassword(password: string) {
  // argon2id with the library's defaults (19 MiB, 2 passes), OWASP's recommended minimum.
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A random URL-safe token and the SHA-256 we store for it. */
export function newToken() {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function createSession(userId: string, userAgent?: string | null) {
  return prisma.session.create({
    data: { userId, userAgent: userAgent?.slice(0, 300) ?? null, expiresAt: new Date(Date.now() + SESSION_DAYS * 86400_000) },
  });
}

/** A Set-Cookie header signing the browser in with the given session. */
export async function commitSession(sessionId: string) {
  return sessionCookie.serialize(sessionId);
}

async function sessionIdFrom(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

// Root, layout and page loaders of one request all ask who is asking: look it up once per request.
const actorsByRequest = new WeakMap<Request, Promise<Actor | null>>();

/** The actor of this request, or null when signed out (expired or revoked sessions count as signed out). */
export function getActor(request: Request): Promise<Actor | null> {
  let found = actorsByRequest.get(request);
  if (!found) {
    found = lookUpActor(request);
    actorsByRequest.set(request, found);
  }
  return found;
}

// Remix gives each loader of a request its own Request object (without `?index` and `_data`), so the loaders of one
// page share the lookup by session instead: a lookup in flight serves every loader that asks for the same session
// meanwhile (they all ask at once), and is forgotten as soon as it has answered (the next request reads afresh).
const lookupsInFlight = new Map<string, Promise<Actor | null>>();

async function lookUpActor(request: Request): Promise<Actor | null> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  let found = lookupsInFlight.get(sessionId);
  if (!found) {
    found = readActor(sessionId).finally(() => lookupsInFlight.delete(sessionId));
    lookupsInFlight.set(sessionId, found);
  }
  return found;
}

async function readActor(sessionId: string): Promise<Actor | null> {
  // The session, its user, their first active membership with its agency and client, and the unread count of the
  // header's bell, in one plain statement: every request pays for this (no model query to compile either).
  const [row] = await prisma.$queryRaw<ActorRow[]>`
    SELECT s."userId", (extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresAt",
           (extract(epoch FROM s."lastSeenAt") * 1000)::float8 AS "lastSeenAt",
           u."email", u."name", u."locale"::text AS "locale", u."timeZone",
           m."id" AS "membershipId", m."role"::text AS "role", m."agencyId", a."name" AS "agencyName",
           m."clientCompanyId", cc."name" AS "clientCompanyName",
           (SELECT count(*)::int FROM "Notification" n
             WHERE n."userId" = s."userId" AND n."agencyId" = m."agencyId" AND n."readAt" IS NULL) AS "unread"
      FROM "Session" s
      JOIN "User" u ON u."id" = s."userId"
      JOIN LATERAL (SELECT * FROM "Membership" WHERE "userId" = s."userId" AND "deactivatedAt" IS NULL
                     ORDER BY "createdAt" ASC, "id" ASC LIMIT 1) m ON true
      JOIN "Agency" a ON a."id" = m."agencyId"
      LEFT JOIN "ClientCompany" cc ON cc."id" = m."clientCompanyId"
     WHERE s."id" = ${sessionId}`;
  if (!row || row.expiresAt < Date.now()) return null;
  await touchSession(sessionId, new Date(row.lastSeenAt));
  const actor: Actor = {
    userId: row.userId,
    email: row.email,
    name: row.name,
    locale: row.locale,
    timeZone: row.timeZone,
    sessionId,
    membershipId: row.membershipId,
    role: row.role,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    clientCompanyId: row.clientCompanyId,
    clientCompanyName: row.clientCompanyName,
  };
  unreadAtSignIn.set(actor, row.unread);
  ownRequestReads(actor);
  return actor;
}

type ActorRow = Omit<Actor, "sessionId"> & { expiresAt: number; lastSeenAt: number; unread: number };

// The unread count read with the actor of a request (the header's bell: app/routes/_app+/_layout.tsx).
const unreadAtSignIn = new WeakMap<Actor, number>();

/** The actor's unread notifications as read with them for this request, undefined for an actor built elsewhere. */
export function unreadWithActor(actor: Actor): number | undefined {
  return unreadAtSignIn.get(actor);
}

const ACTOR_USER = {
  id: true,
  email: true,
  name: true,
  locale: true,
  timeZone: true,
  memberships: {
    where: { deactivatedAt: null },
    select: { id: true, role: true, agencyId: true, clientCompanyId: true, agency: { select: { name: true } }, clientCompany: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
    take: 1,
  },
} as const;

/** Builds the actor of a user (their first active membership: a deactivated member is nobody). Used by the guard, the seed and tests. */
export async function actorForUser(userId: string, sessionId = ""): Promise<Actor | null> {
  return toActor(await prisma.user.findUnique({ where: { id: userId }, select: ACTOR_USER }), sessionId);
}

type ActorUser = { id: string; email: string; name: string; locale: Locale | null; timeZone: string | null; memberships: { id: string; role: Role; agencyId: string; clientCompanyId: string | null; agency: { name: string }; clientCompany: { name: string } | null }[] };

function toActor(user: ActorUser | null, sessionId: string): Actor | null {
  const m = user?.memberships[0];
  if (!user || !m) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    timeZone: user.timeZone,
    sessionId,
    membershipId: m.id,
    role: m.role,
    agencyId: m.agencyId,
    agencyName: m.agency.name,
    clientCompanyId: m.clientCompanyId,
    clientCompanyName: m.clientCompany?.name ?? null,
  };
}

/** Guard: a signed-in actor, else a redirect to sign-in that comes back here. */
export async function requireActor(request: Request, capability?: Capability): Promise<Actor> {
  const actor = await getActor(request);
  if (!actor) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (capability && !can(actor.role, capability)) throw forbiddenResponse();
  return actor;
}

/** Throws when the actor's role lacks the capability. */
export function assertCan(actor: Actor, capability: Capability) {
  if (!can(actor.role, capability)) throw new DomainError("FORBIDDEN", "common.forbiddenBody");
}

export function forbiddenResponse() {
  return new Response("Forbidden", { status: 403 });
}

export function notFoundResponse() {
  return new Response("Not Found", { status: 404 });
}

export async function signOut(request: Request) {
  actorsByRequest.delete(request);
  const sessionId = await sessionIdFrom(request);
  if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } });
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** How a sign-in ended. The same answer whether the email has an account or not. */
export type LoginResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "rate_limited" | "deactivated" };

/**
 * Checks an email and password, slowed down progressively per account, per (account, address) and per address
 * (app/utils/rate-limit.server.ts). Attempts are recorded in the database, so several app servers share the count.
 */
export async function login(email: string, password: string, ip: string): Promise<LoginResult> {
  const normalized = email.trim().toLowerCase();
  const reservation = await reserveLoginAttempt(normalized, ip, env().LOGIN_MAX_FAILURES);
  if (!reservation.ok) return { ok: false, reason: "rate_limited" };

  const user = await prisma.user.findUnique({
    where: { email: normalized },
    select: { id: true, passwordHash: true, memberships: { where: { deactivatedAt: null }, select: { id: true }, take: 1 } },
  });
  // Verify against a dummy hash when there is no user, so timing does not reveal whether the account exists.
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  await settleLoginAttempt(reservation.attemptId, ok && Boolean(user));
  if (!ok || !user) return { ok: false, reason: "invalid" };
  // A deactivated member (no active membership left) is told so, once the password proved who they are.
  if (!user.memberships.length) return { ok: false, reason: "deactivated" };
  return { ok: true, userId: user.id };
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hash("not-a-real-password"));

/** The client's address as server.mjs resolved it (X-Forwarded-For believed from TRUSTED_PROXIES only). */
export function clientIp(request: Request) {
  return request.headers.get("x-rendezvous-client-ip")?.trim() || "local";
}

export { safeRedirect } from "./redirect.server";
