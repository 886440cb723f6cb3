// API keys: creating one (its secret returned once), revoking it, and finding the key a request carries.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { API_SCOPES, CLIENT_API_SCOPES, bearerToken, hashApiToken, isApiScope, newApiToken, type ApiKeyForm, type ApiScope } from "~/domain/api/keys";
import { DomainError, notFound } from "~/domain/shared/errors";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "../audit.server";
import { rateWindowStart } from "./rate-limit.server";

export type ApiKeyActor = { keyId: string; agencyId: string; scopes: ApiScope[]; clientCompanyIds: string[]; createdById: string | null };

/** Creates a key and returns its token: the only time it is ever readable. */
export async function createApiKey(input: { agencyId: string; name: string; scopes: string[]; clientCompanyIds?: string[]; createdById?: string | null }) {
  const scopes = input.scopes.filter(isApiScope);
  const { token, prefix, hash } = newApiToken();
  const key = await prisma.apiKey.create({
    data: {
      agencyId: input.agencyId,
      name: input.name,
      prefix,
      secretHash: hash,
      scopes,
      clientCompanyIds: input.clientCompanyIds ?? [],
      createdById: input.createdById ?? null,
    },
    select: { id: true, name: true, prefix: true, scopes: true, clientCompanyIds: true, createdAt: true },
  });
  return { key, token };
}

export async function revokeApiKey(agencyId: string, keyId: string) {
  const { count } = await prisma.apiKey.updateMany({ where: { id: keyId, agencyId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}

/**
 * The live key of an Authorization header with this request counted against its per-minute budget (decision 0046),
 * or null (missing, malformed, unknown or revoked: nothing counted). One statement for every API request (issue 15's
 * speed): the key read, its window counted (its past windows cleared: the table holds about one row per active key),
 * "last used" written at minute precision (one write a minute at most).
 * This bookkeeping commits without waiting for the WAL flush (synchronous_commit off for this statement's own
 * transaction only): a crash of the database may forget the last few counts, never a meeting; the request no longer
 * waits for a disk flush before its real work (decision 0063).
 */
export async function apiKeyOfRequest(request: Request, now = new Date()): Promise<{ key: ApiKeyActor; count: number; windowStart: Date } | null> {
  const token = bearerToken(request.headers.get("authorization"));
  if (!token) return null;
  const windowStart = rateWindowStart(now);
  const [row] = await prisma.$queryRaw<{ id: string; agencyId: string; scopes: string[]; clientCompanyIds: string[]; createdById: string | null; revoked: boolean; count: number | null }[]>`
    WITH k AS (
      -- A list never written is NULL in the column (Prisma reads it as []).
      SELECT "id", "agencyId", COALESCE("scopes", '{}') AS "scopes", COALESCE("clientCompanyIds", '{}') AS "clientCompanyIds",
             "revokedAt" IS NOT NULL AS "revoked", "lastUsedAt", "createdById"
        FROM "ApiKey" WHERE "secretHash" = ${hashApiToken(token)}),
    w AS (
      INSERT INTO "ApiRateWindow" ("apiKeyId", "windowStart", "count")
      SELECT "id", ${windowStart.toISOString()}::timestamp, 1 FROM k WHERE NOT "revoked"
      ON CONFLICT ("apiKeyId", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
      RETURNING "count"),
    past AS (
      DELETE FROM "ApiRateWindow" WHERE "apiKeyId" IN (SELECT "id" FROM k) AND "windowStart" < ${windowStart.toISOString()}::timestamp),
    u AS (
      UPDATE "ApiKey" SET "lastUsedAt" = ${now.toISOString()}::timestamp
       WHERE "id" IN (SELECT "id" FROM k WHERE NOT "revoked" AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${new Date(now.getTime() - 60_000).toISOString()}::timestamp))
      RETURNING 1)
    SELECT k."id", k."agencyId", k."scopes", k."clientCompanyIds", k."createdById", k."revoked", (SELECT "count" FROM w) AS "count",
           set_config('synchronous_commit', 'off', true) AS "asyncCommit"
      FROM k`;
  if (!row || row.revoked) return null;
  const key = { keyId: row.id, agencyId: row.agencyId, scopes: row.scopes.filter(isApiScope), clientCompanyIds: row.clientCompanyIds, createdById: row.createdById };
  return { key, count: Number(row.count ?? 1), windowStart };
}

// ---------- the settings page: keys as an admin sees and manages them ----------

/**
 * The keys an actor manages: an agency admin, every key of the agency; a client admin, the keys limited to their
 * company that its own users created (never the agency's keys for that client, which may write).
 */
async function managedKeysWhere(actor: Actor): Promise<Prisma.ApiKeyWhereInput> {
  assertCan(actor, "api:keys");
  if (!actor.clientCompanyId) return { agencyId: actor.agencyId };
  const users = await prisma.membership.findMany({ where: { agencyId: actor.agencyId, clientCompanyId: actor.clientCompanyId }, select: { userId: true } });
  return { agencyId: actor.agencyId, clientCompanyIds: { equals: [actor.clientCompanyId] }, createdById: { in: users.map((u) => u.userId) } };
}

/** What the settings page needs: the keys (never a secret), the scopes and client companies the actor may choose. */
export async function apiKeysPage(actor: Actor) {
  const where = await managedKeysWhere(actor);
  const keys = await prisma.apiKey.findMany({
    where,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
    select: { id: true, name: true, prefix: true, scopes: true, clientCompanyIds: true, createdById: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  const clients = actor.clientCompanyId
    ? []
    : await prisma.clientCompany.findMany({ where: { agencyId: actor.agencyId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const names = new Map(clients.map((c) => [c.id, c.name]));
  const creators = await prisma.user.findMany({ where: { id: { in: keys.map((k) => k.createdById).filter((x): x is string => Boolean(x)) } }, select: { id: true, name: true } });
  const creatorNames = new Map(creators.map((u) => [u.id, u.name]));
  return {
    scopes: actor.clientCompanyId ? [...CLIENT_API_SCOPES] : [...API_SCOPES],
    clients,
    keys: keys.map((k) => ({
      id: k.id, name: k.name, prefix: k.prefix, scopes: k.scopes, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt,
      createdBy: k.createdById ? creatorNames.get(k.createdById) ?? null : null,
      clients: k.clientCompanyIds.map((id) => names.get(id) ?? actor.clientCompanyName ?? id),
    })),
  };
}

/**
 * Creates a key from the settings page and returns its token (shown once). A client admin's key is read-only and
 * limited to their company, whatever the form says; an agency admin's client companies must be the agency's.
 */
export async function createApiKeyFor(actor: Actor, input: ApiKeyForm) {
  assertCan(actor, "api:keys");
  let clientCompanyIds = [...new Set(input.clientCompanyIds)];
  if (actor.clientCompanyId) {
    if (input.scopes.some((s) => !CLIENT_API_SCOPES.includes(s))) throw new DomainError("INVALID", "api.errors.clientScopes", "scopes");
    clientCompanyIds = [actor.clientCompanyId];
  } else if (clientCompanyIds.length) {
    const found = await prisma.clientCompany.count({ where: { agencyId: actor.agencyId, id: { in: clientCompanyIds } } });
    if (found !== clientCompanyIds.length) throw new DomainError("INVALID", "common.errors.invalid", "clientCompanyIds");
  }
  const created = await createApiKey({ agencyId: actor.agencyId, name: input.name, scopes: input.scopes, clientCompanyIds, createdById: actor.userId });
  await prisma.$transaction((tx) => audit(tx, actor, "api.key_created", { clientCompanyId: actor.clientCompanyId ?? undefined }, { keyId: created.key.id, name: input.name, scopes: input.scopes, clientCompanyIds }));
  return created;
}

/** Revokes a key the actor manages (404 otherwise); tools using it get 401 from the next request. */
export async function revokeApiKeyFor(actor: Actor, keyId: string) {
  const where = await managedKeysWhere(actor);
  const { count } = await prisma.apiKey.updateMany({ where: { ...where, id: keyId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (!count) throw notFound();
  await prisma.$transaction((tx) => audit(tx, actor, "api.key_revoked", { clientCompanyId: actor.clientCompanyId ?? undefined }, { keyId }));
}
