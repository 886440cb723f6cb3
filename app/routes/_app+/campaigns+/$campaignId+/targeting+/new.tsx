import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useParams } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { createPersona } from "~/models/agreement/drafts.server";
import { getCampaign } from "~/models/campaign.server";
import { parseForm } from "~/utils/form";
import { actionError, orResponse } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { personaSchema } from "~/domain/agreement/schemas";
import { PersonaForm, valuesFromFailure } from "~/components/agreement/PersonaForm";
import { useT } from "~/utils/i18n";
import { readForm } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "version:draft");
  await orResponse(getCampaign(actor, params.campaignId!));
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "version:draft");
  const formData = await readForm(request);
  const parsed = parseForm(personaSchema, formData, ["seniorities"]);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const { persona } = await createPersona(actor, params.campaignId!, parsed.data);
    return redirectWithToast(`/campaigns/${params.campaignId}/targeting/${persona.id}`, "agreement.draftSaved");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function NewPersona() {
  const data = useActionData<typeof action>();
  const { t } = useT();
  const params = useParams();
  const errors = data && !data.ok ? data.errors : undefined;
  return (
    <div className="space-y-4">
      <h2 className="h2">{t("agreement.newPersona")}</h2>
      <PersonaForm values={data && !data.ok ? valuesFromFailure(data.values) : {}} errors={errors} cancelHref={`/campaigns/${params.campaignId}/targeting`} submitLabel={t("agreement.saveDraft")} />
    </div>
  );
}
