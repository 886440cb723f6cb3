// API keys: creating one (its secret returned once), revoking it, and finding the key a request carries.
import { prisma } from "~/utils/db.server";
import { bearerToken, hashApiToken, isApiScope, newApiToken, type ApiScope } from "~/domain/api/keys";

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

/** The live key of an Authorization header, or null (missing, malformed, unknown or revoked). Marks it used. */
export async function apiKeyOfRequest(request: Request): Promise<ApiKeyActor | null> {
  const token = bearerToken(request.headers.get("authorization"));
  if (!token) return null;
  const key = await prisma.apiKey.findUnique({
    where: { secretHash: hashApiToken(token) },
    select: { id: true, agencyId: true, scopes: true, clientCompanyIds: true, revokedAt: true, lastUsedAt: true, createdById: true },
  });
  if (!key || key.revokedAt) return null;
  // "Last used" at minute precision: one write a minute at most, not one per request.
  const now = new Date();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { keyId: key.id, agencyId: key.agencyId, scopes: key.scopes.filter(isApiScope), clientCompanyIds: key.clientCompanyIds, createdById: key.createdById };
}
