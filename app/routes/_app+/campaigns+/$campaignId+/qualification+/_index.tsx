import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { definitionOf, peopleNames } from "~/models/agreement/queries.server";
import { getDefinition } from "~/models/agreement/drafts.server";
import { listVersionComments } from "~/models/agreement/decisions.server";
import { orResponse } from "~/utils/http.server";
import { versionAction } from "../__version-action.server";
import { can } from "~/domain/shared/permissions";
import { canActOnVersion, changedCount, defaultComparison, diffDefinition } from "~/domain/agreement/lifecycle";
import { CriteriaDiffTable, FieldDiffTable } from "~/components/agreement/Diff";
import { CompareForm, SentBackNote, VersionActions, VersionBadge, VersionList, VersionThread, VersionTrail } from "~/components/agreement/VersionParts";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const definition = await orResponse(getDefinition(actor, params.campaignId!));
  const canDraft = can(actor.role, "version:draft");
  if (!definition) return json({ empty: true as const, canDraft });
  const url = new URL(request.url);
  const versions = definition.versions;
  const selected = versions.find((v) => v.id === url.searchParams.get("v")) ?? versions[0];
  const against =
    versions.find((v) => v.id === url.searchParams.get("against")) ??
    defaultComparison(versions, selected);
  const [comments, people] = await Promise.all([
    listVersionComments(actor, params.campaignId!, "definition", selected.id),
    peopleNames(actor, [selected.proposedById, selected.decidedById, against?.decidedById ?? null]),
  ]);
  const hasDraft = versions.some((v) => v.status === "DRAFT");
  const diff = diffDefinition(against ? definitionOf(against) : null, definitionOf(selected));
  const inForce = versions.find((v) => v.status === "APPROVED" && v.id !== against?.id && v.id !== selected.id);
  return json({
    empty: false as const,
    canDraft,
    versions: versions.map((v) => ({ id: v.id, number: v.number, status: v.status, updatedAt: v.updatedAt })),
    selected: { ...selected, criteria: undefined },
    against: against
      ? { id: against.id, number: against.number, status: against.status, decidedAt: against.decidedAt, decidedById: against.decidedById, decisionComment: against.decisionComment }
      : null,
    inForce: inForce ? { id: inForce.id, number: inForce.number } : null,
    diff,
    changes: changedCount(diff.rules) + changedCount(diff.criteria),
    comments,
    people,
    canPropose: canActOnVersion(actor.role, selected.status, "propose"),
    canDecide: canActOnVersion(actor.role, selected.status, "approve"),
    canEdit: canDraft && (selected.status === "DRAFT" || !hasDraft),
    canComment: can(actor.role, "version:comment"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "version:comment");
  return versionAction(request, actor, params.campaignId!, "definition", (id) => `/campaigns/${params.campaignId}/qualification?v=${id}`);
}

export default function Qualification() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  if (d.empty) {
    return (
      <div className="card space-y-3">
        <h2 className="h2">{t("agreement.qualification")}</h2>
        <p className="text-sm text-slate-600">{t("agreement.noDefinition")}</p>
        {d.canDraft ? <Link to="edit" className="btn-primary">{t("agreement.draftDefinition")}</Link> : null}
      </div>
    );
  }
  const s = d.selected;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-6">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="h1">{t("agreement.qualification")}</h2>
          <span className="text-slate-500">{t("agreement.versionN", { n: s.number })}</span>
          <VersionBadge status={s.status} />
        </div>
        <p className="text-sm text-slate-600">{t("agreement.qualificationHelp")}</p>
        <VersionTrail v={s} people={d.people} />
        <VersionActions versionId={s.id} revision={s.revision} canPropose={d.canPropose} canDecide={d.canDecide} canEdit={d.canEdit} editHref={`edit?from=${s.id}`} />
        <section className="card space-y-3">
          <h2 className="h2">{d.against ? t("agreement.diff.compared", { before: d.against.number, after: s.number }) : t("agreement.criteria")}</h2>
          {d.against?.status === "CHANGES_REQUESTED" ? (
            <SentBackNote against={d.against} people={d.people} changes={d.changes} inForce={d.inForce} selectedId={s.id} />
          ) : null}
          <CriteriaDiffTable rows={d.diff.criteria} compare={Boolean(d.against)} />
        </section>
        <section className="card space-y-3">
          <h2 className="h2">{t("agreement.rules")}</h2>
          <FieldDiffTable
            rows={d.diff.rules}
            beforeLabel={d.against ? `${t("agreement.versionN", { n: d.against.number })} (${t(`agreement.status.${d.against.status}`)})` : null}
            afterLabel={t("agreement.versionN", { n: s.number })}
            fieldPrefix="agreement.rule"
          />
        </section>
        <VersionThread versionId={s.id} comments={d.comments} canComment={d.canComment} />
      </div>
      <div className="space-y-4">
        <VersionList versions={d.versions} selectedId={s.id} href={(id) => `?v=${id}`} />
        {d.versions.length > 1 ? <CompareForm versions={d.versions} selectedId={s.id} againstId={d.against?.id} /> : null}
      </div>
    </div>
  );
}
