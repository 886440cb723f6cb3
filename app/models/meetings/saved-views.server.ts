// Saved views of the cross-campaign meetings list: a user's named filter sets (issue 9, "Lists"). Each user reads,
// applies and deletes their own only; the stored query is rebuilt from the parsed filter, so a view never carries a
// parameter the list does not know. Applying a view goes through the list's own scoped query (docs/decisions/0057).
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { filterFromUrl } from "~/domain/meetings/schemas";

export const MAX_SAVED_VIEWS = 30;
const FILTER_KEYS = ["q", "status", "verdict", "clientId", "campaignId", "sdrId", "personaId", "personaVersionId", "from", "to", "attention", "sort"] as const;

/** The list's query string, normalised: known filters only, no page, the default sort left out. */
export function normaliseQuery(search: string): string {
  const f = filterFromUrl(new URL(`http://x/${search.startsWith("?") ? search : `?${search}`}`));
  const out = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v === undefined || v === null || v === "" || (k === "sort" && v === "date_desc")) continue;
    out.set(k, String(v));
  }
  return out.toString();
}

export async function listSavedViews(actor: Actor) {
  assertCan(actor, "campaign:read");
  return prisma.savedView.findMany({ where: { userId: actor.userId }, orderBy: { name: "asc" }, select: { id: true, name: true, query: true }, take: MAX_SAVED_VIEWS });
}

/** Saves the current filters under a name (the same name again replaces that view). */
export async function saveView(actor: Actor, input: { name: string; query: string }) {
  assertCan(actor, "campaign:read");
  const name = input.name.trim();
  if (!name) throw new DomainError("INVALID", "common.errors.required", "name");
  if (name.length > 80) throw new DomainError("INVALID", "common.errors.tooLong|max=80", "name");
  const query = normaliseQuery(input.query);
  if (!query) throw new DomainError("INVALID", "meetings.views.errors.empty", "name");
  const existing = await prisma.savedView.findUnique({ where: { userId_name: { userId: actor.userId, name } }, select: { id: true } });
  if (!existing && (await prisma.savedView.count({ where: { userId: actor.userId } })) >= MAX_SAVED_VIEWS) {
    throw new DomainError("INVALID", "meetings.views.errors.tooMany", "name");
  }
  return prisma.savedView.upsert({ where: { userId_name: { userId: actor.userId, name } }, create: { userId: actor.userId, name, query }, update: { query } });
}

/** Deletes one of the actor's views; anyone else's id is a 404. */
export async function deleteView(actor: Actor, id: string) {
  assertCan(actor, "campaign:read");
  const r = await prisma.savedView.deleteMany({ where: { id, userId: actor.userId } });
  if (r.count === 0) throw notFound();
}
