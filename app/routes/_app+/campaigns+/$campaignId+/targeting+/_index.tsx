import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { personaEvidence, startDraftFromEvidence } from "~/models/dashboards/evidence.server";
import { EvidenceList } from "~/components/dashboards/EvidenceList";
import { FormError } from "~/components/forms/Field";
import { actionError, readForm } from "~/utils/http.server";
import { parseForm } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { requireActor } from "~/utils/auth.server";
import { listPersonas } from "~/models/agreement/drafts.server";
import { orResponse } from "~/utils/http.server";
import { can } from "~/domain/shared/permissions";
import { VersionBadge } from "~/components/agreement/VersionParts";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const [personas, evidence] = await orResponse(Promise.all([listPersonas(actor, params.campaignId!), personaEvidence(actor, params.campaignId!)]));
  return json({ personas, evidence, canDraft: can(actor.role, "version:draft") });
}

const fromEvidenceSchema = z.object({ intent: z.literal("fromEvidence"), personaId: z.string().min(1, { error: "common.errors.required" }).max(40) });

/** The AM starts the next draft of a persona from the evidence (attached to it, shown to the client with the proposal). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "version:draft");
  const formData = await readForm(request);
  const parsed = parseForm(fromEvidenceSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const { versionId } = await startDraftFromEvidence(actor, params.campaignId!, parsed.data.personaId);
    return redirectWithToast(`/campaigns/${params.campaignId}/targeting/${parsed.data.personaId}?v=${versionId}`, "dashboards.evidence.started");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function Targeting() {
  const { personas, evidence, canDraft } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useT();
  return (
    <div className="space-y-4">
      <section className="card space-y-3" aria-labelledby="evidence-title">
        <h2 id="evidence-title" className="h2">{t("dashboards.evidence.title")}</h2>
        <EvidenceList evidence={evidence} />
        {canDraft && evidence.findings.length > 0 && personas.length > 0 ? (
          <Form method="post" className="flex flex-wrap items-end gap-3 pt-1">
            <FormError errors={data && !data.ok ? data.errors : undefined} />
            <input type="hidden" name="intent" value="fromEvidence" />
            <div>
              <label htmlFor="evidence-persona" className="block text-sm font-medium text-slate-700">{t("dashboards.evidence.persona")}</label>
              <select id="evidence-persona" name="personaId" className="input">
                {personas.map((p) => (
                  <option key={p.id} value={p.id}>{p.versions[0].name}</option>
                ))}
              </select>
            </div>
            <button className="btn-primary" disabled={busy}>{t("dashboards.evidence.start")}</button>
          </Form>
        ) : null}
      </section>
      <div className="flex items-center justify-between">
        <div>
          <h2 className="h2">{t("agreement.targeting")}</h2>
          <p className="text-sm text-slate-600">{t("agreement.targetingHelp")}</p>
        </div>
        {canDraft ? <Link to="new" className="btn-primary">{t("agreement.newPersona")}</Link> : null}
      </div>
      {personas.length === 0 ? (
        <p className="card text-sm text-slate-600">{t("agreement.noPersona")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {personas.map((p) => {
            const latest = p.versions[0];
            const approved = p.versions.find((v) => v.status === "APPROVED");
            return (
              <li key={p.id} className="card">
                <div className="flex items-start justify-between gap-2">
                  <Link to={p.id} className="font-medium text-slate-900 hover:underline">{latest.name}</Link>
                  <VersionBadge status={latest.status} />
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {t("agreement.versionN", { n: latest.number })}
                  {approved && approved.id !== latest.id ? ` · ${t("agreement.inForce", { n: approved.number })}` : ""}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
