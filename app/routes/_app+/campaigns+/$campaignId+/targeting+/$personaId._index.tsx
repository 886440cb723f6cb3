import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { getPersona } from "~/models/agreement/drafts.server";
import { listVersionComments } from "~/models/agreement/decisions.server";
import { peopleNames, personaOf } from "~/models/agreement/queries.server";
import { orResponse } from "~/utils/http.server";
import { versionAction } from "../__version-action.server";
import { can } from "~/domain/shared/permissions";
import { canActOnVersion, changedCount, defaultComparison, diffPersona } from "~/domain/agreement/lifecycle";
import { FieldDiffTable } from "~/components/agreement/Diff";
import { CompareForm, SentBackNote, VersionActions, VersionBadge, VersionList, VersionThread, VersionTrail } from "~/components/agreement/VersionParts";
import { useT } from "~/utils/i18n";
import { EvidenceList } from "~/components/dashboards/EvidenceList";
import type { Evidence } from "~/models/dashboards/evidence.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const persona = await orResponse(getPersona(actor, params.campaignId!, params.personaId!));
  const url = new URL(request.url);
  const versions = persona.versions;
  const selected = versions.find((v) => v.id === url.searchParams.get("v")) ?? versions[0];
  // A revision answering a send-back is compared with the version sent back; otherwise with the version in force;
  // the version in force itself against the one it replaced.
  const against =
    versions.find((v) => v.id === url.searchParams.get("against")) ??
    defaultComparison(versions, selected);
  const comments = await listVersionComments(actor, params.campaignId!, "persona", selected.id);
  const people = await peopleNames(actor, [selected.proposedById, selected.decidedById, against?.decidedById ?? null]);
  const inForce = versions.find((v) => v.status === "APPROVED" && v.id !== against?.id && v.id !== selected.id);
  const diff = diffPersona(against ? personaOf(against) : null, personaOf(selected));
  const hasDraft = versions.some((v) => v.status === "DRAFT");
  return json({
    personaId: persona.id,
    versions: versions.map((v) => ({ id: v.id, number: v.number, status: v.status, updatedAt: v.updatedAt })),
    selected,
    against: against
      ? { id: against.id, number: against.number, status: against.status, decidedAt: against.decidedAt, decidedById: against.decidedById, decisionComment: against.decisionComment }
      : null,
    inForce: inForce ? { id: inForce.id, number: inForce.number } : null,
    diff,
    changes: changedCount(diff),
    comments,
    people,
    canPropose: canActOnVersion(actor.role, selected.status, "propose"),
    canDecide: canActOnVersion(actor.role, selected.status, "approve"),
    canEdit: can(actor.role, "version:draft") && (selected.status === "DRAFT" || !hasDraft),
    canComment: can(actor.role, "version:comment"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "version:comment");
  const base = `/campaigns/${params.campaignId}/targeting/${params.personaId}`;
  return versionAction(request, actor, params.campaignId!, "persona", (id) => `${base}?v=${id}`);
}

export default function PersonaPage() {
  const d = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const s = d.selected;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-6">
        <div className="flex flex-wrap items-center gap-3">
          <Link to=".." relative="path" className="link text-sm">← {t("agreement.targeting")}</Link>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="h1">{s.name}</h2>
          <span className="text-slate-500">{t("agreement.versionN", { n: s.number })}</span>
          <VersionBadge status={s.status} />
        </div>
        <VersionTrail v={s} people={d.people} />
        <VersionActions
          versionId={s.id}
          revision={s.revision}
          canPropose={d.canPropose}
          canDecide={d.canDecide}
          canEdit={d.canEdit}
          editHref={`edit?from=${s.id}`}
        />
        {s.evidence ? (
          <section className="card space-y-2 border-brand-100 bg-brand-50" aria-labelledby="version-evidence">
            <h2 id="version-evidence" className="h2">{t("dashboards.evidence.attached")}</h2>
            <EvidenceList evidence={s.evidence as unknown as Evidence} />
            <p className="text-xs text-slate-500">{t("dashboards.evidence.attachedAt", { date: date((s.evidence as unknown as Evidence).at) })}</p>
          </section>
        ) : null}
        <section className="card space-y-3">
          <h2 className="h2">
            {d.against ? t("agreement.diff.compared", { before: d.against.number, after: s.number }) : t("agreement.diff.content")}
          </h2>
          {d.against?.status === "CHANGES_REQUESTED" ? (
            <SentBackNote against={d.against} people={d.people} changes={d.changes} inForce={d.inForce} selectedId={s.id} />
          ) : null}
          {d.against ? <p className="text-sm text-slate-600">{t("agreement.diff.help")}</p> : null}
          <FieldDiffTable
            rows={d.diff}
            beforeLabel={d.against ? `${t("agreement.versionN", { n: d.against.number })} (${t(`agreement.status.${d.against.status}`)})` : null}
            afterLabel={t("agreement.versionN", { n: s.number })}
            fieldPrefix="agreement.persona"
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
