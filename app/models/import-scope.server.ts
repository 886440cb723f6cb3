import type { Actor } from "~/utils/auth.server";
import type { Prisma } from "~/generated/prisma/client";

/**
 * CSV imports an actor may see within a campaign they may see: an SDR only their own (the preview shows
 * prospects' emails, and confirming one logs meetings in its author's name); agency managers every import.
 */
export function importOwnerScope(actor: Actor): Prisma.ImportJobWhereInput {
  return actor.role === "SDR" ? { createdById: actor.userId } : {};
}
