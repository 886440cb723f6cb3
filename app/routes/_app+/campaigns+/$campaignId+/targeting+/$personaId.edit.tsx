import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { getPersona, savePersonaDraft } from "~/models/agreement/drafts.server";
import { parseForm } from "~/utils/form";
import { actionError, orResponse } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { personaSchema } from "~/domain/agreement/schemas";
import { PersonaForm, personaFormValues, valuesFromFailure } from "~/components/agreement/PersonaForm";
import { useT } from "~/utils/i18n";
import { readForm } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "version:draft");
  const persona = await orResponse(getPersona(actor, params.campaignId!, params.personaId!));
  const from = new URL(request.url).searchParams.get("from");
  // The draft when there is one (edits go there); otherwise the chosen version, or the newest, as the start of a new draft.
  const base = persona.versions.find((v) => v.status === "DRAFT") ?? persona.versions.find((v) => v.id === from) ?? persona.versions[0];
  return json({ base });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "version:draft");
  const formData = await readForm(request);
  const parsed = parseForm(personaSchema, formData, ["seniorities"]);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const version = await savePersonaDraft(actor, params.campaignId!, params.personaId!, parsed.data);
    return redirectWithToast(`/campaigns/${params.campaignId}/targeting/${params.personaId}?v=${version.id}`, "agreement.draftSaved");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function EditPersona() {
  const { base } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useT();
  const params = useParams();
  const errors = data && !data.ok ? data.errors : undefined;
  const values = data && !data.ok ? valuesFromFailure(data.values) : personaFormValues(base);
  return (
    <div className="space-y-4">
      <h2 className="h2">{base.status === "DRAFT" ? t("agreement.editDraft", { n: base.number }) : t("agreement.newDraftFrom", { n: base.number })}</h2>
      {base.status !== "DRAFT" ? <p className="text-sm text-slate-600">{t("agreement.newDraftHelp")}</p> : null}
      <PersonaForm values={values} errors={errors} baseVersionId={base.id} revision={base.revision} cancelHref={`/campaigns/${params.campaignId}/targeting/${params.personaId}?v=${base.id}`} submitLabel={t("agreement.saveDraft")} />
    </div>
  );
}
