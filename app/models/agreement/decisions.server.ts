// A version's lifecycle after the draft: proposed to the client, approved or sent back with a comment, the
// thread on each version. Writes check the version's revision (optimistic concurrency): a stale form is refused.
import { prisma, type Tx } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { canActOnVersion, visibleStatuses, type VersionKind, type VersionStatus } from "~/domain/agreement/lifecycle";
import type { Prisma } from "~/generated/prisma/client";
import { notify } from "~/models/notifications/write.server";
import { translate } from "~/i18n";
import { withChange } from "../effects.server";
import { emitWebhookEvent } from "../webhooks/events.server";
import { campaignScope } from "../scope.server";
import { audit } from "../audit.server";
const conflict = () => new DomainError("CONFLICT", "common.errors.conflict");

type LoadedVersion = {
  kind: VersionKind;
  id: string;
  number: number;
  status: VersionStatus;
  revision: number;
  name: string;
  parentId: string;
  proposedById: string | null;
  campaign: { id: string; name: string; clientCompanyId: string; accountManagerId: string | null };
};

const campaignSelect = { id: true, name: true, clientCompanyId: true, accountManagerId: true } as const;

/** A version of either kind in the actor's scope, or NOT_FOUND. */
export async function loadVersion(actor: Actor, campaignId: string, kind: VersionKind, versionId: string): Promise<LoadedVersion> {
  const statuses = { in: visibleStatuses(actor.role) };
  if (kind === "persona") {
    const v = await prisma.personaVersion.findFirst({
      where: { id: versionId, status: statuses, persona: { campaignId, campaign: campaignScope(actor) } },
      include: { persona: { select: { id: true, campaign: { select: campaignSelect } } } },
    });
    if (!v) throw notFound();
    return { kind, id: v.id, number: v.number, status: v.status, revision: v.revision, name: v.name, parentId: v.personaId, proposedById: v.proposedById, campaign: v.persona.campaign };
  }
  const v = await prisma.definitionVersion.findFirst({
    where: { id: versionId, status: statuses, definition: { campaignId, campaign: campaignScope(actor) } },
    include: { definition: { select: { id: true, campaign: { select: campaignSelect } } } },
  });
  if (!v) throw notFound();
  return { kind, id: v.id, number: v.number, status: v.status, revision: v.revision, name: "", parentId: v.definitionId, proposedById: v.proposedById, campaign: v.definition.campaign };
}

/** Moves a version from one status to another only if nobody changed it since `revision`. */
async function transition(tx: Tx, v: LoadedVersion, from: VersionStatus, revision: number, data: Record<string, unknown>) {
  const where = { id: v.id, status: from, revision };
  const update = { ...data, revision: { increment: 1 } };
  const res = v.kind === "persona" ? await tx.personaVersion.updateMany({ where, data: update }) : await tx.definitionVersion.updateMany({ where, data: update });
  if (res.count === 0) throw conflict();
}

/** Marks the parent's other versions in `status` as SUPERSEDED. */
async function supersede(tx: Tx, v: LoadedVersion, status: VersionStatus) {
  const where = { id: { not: v.id }, status };
  if (v.kind === "persona") await tx.personaVersion.updateMany({ where: { ...where, personaId: v.parentId }, data: { status: "SUPERSEDED" } });
  else await tx.definitionVersion.updateMany({ where: { ...where, definitionId: v.parentId }, data: { status: "SUPERSEDED" } });
}

/** The agency proposes a draft to the client: the client admins are emailed. A previous pending proposal is withdrawn. */
export async function proposeVersion(actor: Actor, campaignId: string, kind: VersionKind, versionId: string, revision: number, origin: string) {
  assertCan(actor, "version:draft");
  const v = await loadVersion(actor, campaignId, kind, versionId);
  if (!canActOnVersion(actor.role, v.status, "propose")) throw new DomainError("CONFLICT", "agreement.errors.notDraft");
  const url = `${origin}/campaigns/${v.campaign.id}/${kind === "persona" ? `targeting/${v.parentId}?v=${v.id}` : `qualification?v=${v.id}`}`;
  await withChange(async (tx, fx) => {
    await supersede(tx, v, "PROPOSED");
    await transition(tx, v, "DRAFT", revision, { status: "PROPOSED", proposedById: actor.userId, proposedAt: new Date() });
    fx.emails(await notify(
      tx,
      {
        agencyId: actor.agencyId,
        campaignId: v.campaign.id,
        kind: "VERSION_PROPOSED",
        href: url.slice(origin.length),
        actorUserId: actor.userId,
        text: (locale) => ({
          title: translate(locale, "notifications.versionProposed.title", { number: v.number, name: v.name || translate(locale, "notifications.definitionName") }),
          body: translate(locale, "notifications.versionProposed.body", { proposer: actor.name, campaign: v.campaign.name }),
        }),
      },
      {
        template: "version-proposed",
        props: (locale) => ({ locale, kind, name: v.name, number: v.number, campaign: v.campaign.name, proposer: actor.name, agency: actor.agencyName, url }),
      },
    ));
    await audit(tx, actor, `${kind}.proposed`, { clientCompanyId: v.campaign.clientCompanyId, campaignId: v.campaign.id }, { versionId: v.id, version: v.number, name: v.name });
  });
}

async function decide(
  actor: Actor,
  campaignId: string,
  kind: VersionKind,
  versionId: string,
  revision: number,
  decision: "approve" | "requestChanges",
  comment: string,
  origin: string,
) {
  assertCan(actor, "version:decide");
  const v = await loadVersion(actor, campaignId, kind, versionId);
  if (!canActOnVersion(actor.role, v.status, decision)) throw new DomainError("CONFLICT", "agreement.errors.notProposed");
  const status = decision === "approve" ? "APPROVED" : "CHANGES_REQUESTED";
  const recipientIds = [...new Set([v.campaign.accountManagerId, v.proposedById].filter((x): x is string => Boolean(x)))];
  const url = `${origin}/campaigns/${v.campaign.id}/${kind === "persona" ? `targeting/${v.parentId}?v=${v.id}` : `qualification?v=${v.id}`}`;
  await withChange(async (tx, fx) => {
    await transition(tx, v, "PROPOSED", revision, { status, decidedById: actor.userId, decidedAt: new Date(), decisionComment: comment || null });
    if (decision === "approve") {
      await supersede(tx, v, "APPROVED");
      await emitWebhookEvent(tx, fx, { agencyId: actor.agencyId, clientCompanyId: v.campaign.clientCompanyId }, kind === "persona" ? "persona.version_approved" : "definition.version_approved", () => ({
        version: { id: v.id, kind, name: v.name, number: v.number, campaignId: v.campaign.id, clientCompanyId: v.campaign.clientCompanyId, approvedAt: new Date().toISOString() },
      }));
    }
    if (comment) {
      await tx.versionComment.create({
        data: { campaignId: v.campaign.id, authorId: actor.userId, body: comment, ...(kind === "persona" ? { personaVersionId: v.id } : { definitionVersionId: v.id }) },
      });
    }
    fx.emails(await notify(
      tx,
      {
        agencyId: actor.agencyId,
        campaignId: v.campaign.id,
        kind: "VERSION_DECIDED",
        href: url.slice(origin.length),
        onlyUserIds: recipientIds,
        actorUserId: actor.userId,
        text: (locale) => ({
          title: translate(locale, decision === "approve" ? "notifications.versionDecided.approved.title" : "notifications.versionDecided.changes.title", {
            client: actor.clientCompanyName ?? "",
            number: v.number,
            name: v.name || translate(locale, "notifications.definitionName"),
          }),
          body: translate(locale, "notifications.versionDecided.body", { decider: actor.name, campaign: v.campaign.name }),
        }),
      },
      {
        template: "version-decided",
        props: (locale) => ({ locale, kind, name: v.name, number: v.number, campaign: v.campaign.name, decider: actor.name, client: actor.clientCompanyName ?? "", decision, comment, agency: actor.agencyName, url }),
      },
    ));
    await audit(tx, actor, `${kind}.${decision === "approve" ? "approved" : "changes_requested"}`, { clientCompanyId: v.campaign.clientCompanyId, campaignId: v.campaign.id }, {
      versionId: v.id,
      version: v.number,
      name: v.name,
      comment,
    } as Prisma.InputJsonValue);
  });
}

/** The client admin approves a proposed version; the previously approved one becomes SUPERSEDED. */
export function approveVersion(actor: Actor, campaignId: string, kind: VersionKind, versionId: string, revision: number, comment: string, origin: string) {
  return decide(actor, campaignId, kind, versionId, revision, "approve", comment, origin);
}

/** The client admin sends a proposed version back, with a required comment. */
export async function requestVersionChanges(actor: Actor, campaignId: string, kind: VersionKind, versionId: string, revision: number, comment: string, origin: string) {
  if (!comment.trim()) throw new DomainError("INVALID", "agreement.errors.commentRequired", "comment");
  return decide(actor, campaignId, kind, versionId, revision, "requestChanges", comment, origin);
}

/** Adds a message to a version's thread (every role that can see the version). */
export async function addVersionComment(actor: Actor, campaignId: string, kind: VersionKind, versionId: string, body: string) {
  assertCan(actor, "version:comment");
  const v = await loadVersion(actor, campaignId, kind, versionId);
  return prisma.versionComment.create({
    data: { campaignId: v.campaign.id, authorId: actor.userId, body, ...(kind === "persona" ? { personaVersionId: v.id } : { definitionVersionId: v.id }) },
  });
}

/** The thread of one version, oldest first. */
export async function listVersionComments(actor: Actor, campaignId: string, kind: VersionKind, versionId: string) {
  const v = await loadVersion(actor, campaignId, kind, versionId);
  return prisma.versionComment.findMany({
    where: kind === "persona" ? { personaVersionId: v.id } : { definitionVersionId: v.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, author: { select: { name: true, memberships: { select: { role: true }, take: 1 } } } },
  });
}

/** Proposed versions waiting for a client decision, in the actor's scope (the client admin's action items). */
