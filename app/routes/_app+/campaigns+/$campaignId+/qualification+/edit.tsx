import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { getDefinition, saveDefinitionDraft } from "~/models/agreement/drafts.server";
import { parseObject } from "~/utils/form";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { criteriaErrorsToFormRows, definitionSchema, readCriteria } from "~/domain/agreement/schemas";
import { DefinitionForm, EMPTY_DEFINITION, definitionValuesFromFailure, type DefinitionFormValues } from "~/components/agreement/DefinitionForm";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "version:draft");
  const definition = await orResponse(getDefinition(actor, params.campaignId!));
  const from = new URL(request.url).searchParams.get("from");
  const versions = definition?.versions ?? [];
  const base = versions.find((v) => v.status === "DRAFT") ?? versions.find((v) => v.id === from) ?? versions[0] ?? null;
  return json({ base });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "version:draft");
  const formData = await readForm(request);
  const input = {
    disputeWindowDays: formData.get("disputeWindowDays"),
    noShowPolicy: formData.get("noShowPolicy"),
    minDurationMinutes: formData.get("minDurationMinutes"),
    allowedChannels: formData.getAll("allowedChannels"),
    minLeadTimeHours: formData.get("minLeadTimeHours"),
    notes: formData.get("notes") ?? "",
    attendanceRuleHours: formData.get("attendanceRuleHours") ?? "",
    windowsInBusinessDays: formData.get("windowsInBusinessDays") ?? "",
    criteria: readCriteria(formData),
    baseVersionId: formData.get("baseVersionId") ?? undefined,
    revision: formData.get("revision") ?? 0,
  };
  const parsed = parseObject(definitionSchema, input, formData);
  if (!parsed.ok) return json({ ...parsed, errors: criteriaErrorsToFormRows(parsed.errors, formData) }, { status: 400 });
  try {
    const version = await saveDefinitionDraft(actor, params.campaignId!, parsed.data);
    return redirectWithToast(`/campaigns/${params.campaignId}/qualification?v=${version.id}`, "agreement.draftSaved");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function EditDefinition() {
  const { base } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const params = useParams();
  const { t } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  const values: DefinitionFormValues =
    data && !data.ok
      ? definitionValuesFromFailure(data.values)
      : base
        ? {
            disputeWindowDays: String(base.disputeWindowDays),
            noShowPolicy: base.noShowPolicy,
            minDurationMinutes: String(base.minDurationMinutes),
            allowedChannels: base.allowedChannels,
            minLeadTimeHours: String(base.minLeadTimeHours),
            notes: base.notes,
            attendanceRuleHours: base.attendanceRuleHours === null ? "" : String(base.attendanceRuleHours),
            windowsInBusinessDays: base.windowsInBusinessDays,
            criteria: base.criteria.map((c) => ({ key: c.key, label: c.label, helpText: c.helpText, required: c.required })),
          }
        : EMPTY_DEFINITION;
  return (
    <div className="space-y-4">
      <h2 className="h2">
        {!base ? t("agreement.draftDefinition") : base.status === "DRAFT" ? t("agreement.editDraft", { n: base.number }) : t("agreement.newDraftFrom", { n: base.number })}
      </h2>
      {base && base.status !== "DRAFT" ? <p className="text-sm text-slate-600">{t("agreement.newDraftHelp")}</p> : null}
      <DefinitionForm
        key={data ? "retry" : "initial"}
        values={values}
        errors={errors}
        baseVersionId={base?.id}
        revision={base?.revision}
        cancelHref={`/campaigns/${params.campaignId}/qualification${base ? `?v=${base.id}` : ""}`}
      />
    </div>
  );
}
