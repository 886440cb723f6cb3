// Saved views of the meetings lists: a user's named filter sets (issue 9, "Lists"), of the cross-campaign list
// (campaignId null) or of one campaign's Meetings tab (decision 0066). Each user reads, applies and deletes their own
// only; the stored query is rebuilt from the parsed filter, so a view never carries a parameter the list does not
// know. Applying a view goes through the list's own scoped query (docs/decisions/0057).
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { filterFromUrl } from "~/domain/meetings/schemas";
import { campaignScope } from "~/models/scope.server";

export const MAX_SAVED_VIEWS = 30;
const FILTER_KEYS = ["q", "status", "verdict", "clientId", "campaignId", "sdrId", "personaId", "personaVersionId", "from", "to", "attention", "sort"] as const;

/** On a campaign's tab the campaign (and so its client) is the tab's own, never a filter of the view. */
const CAMPAIGN_TAB_KEYS = FILTER_KEYS.filter((k) => k !== "campaignId" && k !== "clientId");

/** The list's query string, normalised: known filters only, no page, the default sort left out. */
export function normaliseQuery(search: string, onCampaignTab = false): string {
  const f = filterFromUrl(new URL(`http://x/${search.startsWith("?") ? search : `?${search}`}`));
  const out = new URLSearchParams();
  for (const k of onCampaignTab ? CAMPAIGN_TAB_KEYS : FILTER_KEYS) {
    const v = f[k];
    if (v === undefined || v === null || v === "" || (k === "sort" && v === "date_desc")) continue;
    out.set(k, String(v));
  }
  return out.toString();
}

const VIEW = { id: true, name: true, query: true } as const;

/** The actor's views of the cross-campaign list, or (with `campaignId`) of that campaign's Meetings tab. */
export async function listSavedViews(actor: Actor, campaignId: string | null = null) {
  assertCan(actor, "campaign:read");
  return prisma.savedView.findMany({ where: { userId: actor.userId, campaignId }, orderBy: { name: "asc" }, select: VIEW, take: MAX_SAVED_VIEWS });
}

/**
 * The campaign's Meetings tab reads the actor's views of it and whether they have a calendar feed in one statement
 * (both hang off the user: one joined read), so the views cost the tab no statement (its cap, tests/integration/statements).
 */
export async function campaignTabViewsAndFeed(actor: Actor, campaignId: string) {
  assertCan(actor, "campaign:read");
  const u = await prisma.user.findUniqueOrThrow({
    where: { id: actor.userId },
    relationLoadStrategy: "join",
    select: {
      calendarFeed: { select: { userId: true } },
      savedViews: { where: { campaignId }, orderBy: { name: "asc" }, select: VIEW, take: MAX_SAVED_VIEWS },
    },
  });
  return { views: u.savedViews, feed: Boolean(u.calendarFeed) };
}

/**
 * Saves the current filters under a name (the same name again, on the same list, replaces that view). With
 * `campaignId`, a view of that campaign's tab, which the actor must be able to see (else 404).
 */
export async function saveView(actor: Actor, input: { name: string; query: string; campaignId?: string | null }) {
  assertCan(actor, "campaign:read");
  const campaignId = input.campaignId ?? null;
  if (campaignId && !(await prisma.campaign.findFirst({ where: { AND: [campaignScope(actor), { id: campaignId }] }, select: { id: true } }))) throw notFound();
  const name = input.name.trim();
  if (!name) throw new DomainError("INVALID", "common.errors.required", "name");
  if (name.length > 80) throw new DomainError("INVALID", "common.errors.tooLong|max=80", "name");
  const query = normaliseQuery(input.query, campaignId !== null);
  if (!query) throw new DomainError("INVALID", "meetings.views.errors.empty", "name");
  const existing = await prisma.savedView.findFirst({ where: { userId: actor.userId, campaignId, name }, select: { id: true } });
  if (existing) return prisma.savedView.update({ where: { id: existing.id }, data: { query } });
  if ((await prisma.savedView.count({ where: { userId: actor.userId, campaignId } })) >= MAX_SAVED_VIEWS) {
    throw new DomainError("INVALID", "meetings.views.errors.tooMany", "name");
  }
  return prisma.savedView.create({ data: { userId: actor.userId, campaignId, name, query } });
}

/** Deletes one of the actor's views; anyone else's id is a 404. */
export async function deleteView(actor: Actor, id: string) {
  assertCan(actor, "campaign:read");
  const r = await prisma.savedView.deleteMany({ where: { id, userId: actor.userId } });
  if (r.count === 0) throw notFound();
}
