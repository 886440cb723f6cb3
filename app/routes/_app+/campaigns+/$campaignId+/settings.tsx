import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireActor } from "~/utils/auth.server";
import { getCampaign, setCampaignSdrs, updateCampaign } from "~/models/campaign.server";
import { listAccountManagers, listSdrs } from "~/models/client.server";
import { parseForm } from "~/utils/form";
import { actionError, orResponse } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { campaignEditSchema } from "~/domain/shared/schemas";
import { CampaignFields } from "~/components/CampaignFields";
import { ErrorList, FormError } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { readForm } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:manage");
  const campaign = await orResponse(getCampaign(actor, params.campaignId!));
  const [managers, sdrs] = await Promise.all([listAccountManagers(actor), listSdrs(actor)]);
  return json({ campaign, managers, sdrs });
}

const assignSchema = z.object({ sdrIds: z.array(z.string().min(1).max(40)).max(200) });

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "campaign:manage");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  try {
    if (intent === "assign") {
      const parsed = parseForm(assignSchema, formData, ["sdrIds"]);
      if (!parsed.ok) return json(parsed, { status: 400 });
      await setCampaignSdrs(actor, params.campaignId!, parsed.data.sdrIds);
      return redirectWithToast(`/campaigns/${params.campaignId}/settings`, "agency.campaigns.sdrsSaved");
    }
    const parsed = parseForm(campaignEditSchema, formData);
    if (!parsed.ok) return json(parsed, { status: 400 });
    await updateCampaign(actor, params.campaignId!, parsed.data);
    return redirectWithToast(`/campaigns/${params.campaignId}/settings`, "common.saved");
  } catch (e) {
    return actionError(e, formData);
  }
}

const day = (d: string | null) => (d ? d.slice(0, 10) : "");

export default function CampaignSettings() {
  const { campaign, managers, sdrs } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  const values =
    data && !data.ok && data.values.intent !== "assign"
      ? data.values
      : { name: campaign.name, description: campaign.description, startDate: day(campaign.startDate), endDate: day(campaign.endDate), accountManagerId: campaign.accountManager?.id, invitesProspect: campaign.invitesProspect ? "on" : "" };
  const assigned = new Set(campaign.assignments.map((a) => a.user.id));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section className="card">
        <h2 className="h2">{t("agency.campaigns.details")}</h2>
        <Form method="post" className="mt-4 space-y-4" noValidate>
          <input type="hidden" name="intent" value="update" />
          <FormError errors={errors && !errors.sdrIds ? errors : undefined} />
          <CampaignFields managers={managers} errors={errors} values={values} />
          <div>
            <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
              <input type="checkbox" name="invitesProspect" value="on" defaultChecked={values?.invitesProspect === "on"} className="h-4 w-4 rounded border-slate-300" />
              {t("calendar.setting.invitesProspect")}
            </label>
            <p className="ml-6 mt-1 text-sm text-slate-600">{t("calendar.setting.invitesProspectHint")}</p>
          </div>
          <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("common.save")}</button>
        </Form>
      </section>
      <section className="card">
        <h2 className="h2">{t("agency.campaigns.sdrs")}</h2>
        <Form method="post" className="mt-4 space-y-3">
          <input type="hidden" name="intent" value="assign" />
          {sdrs.length ? (
            <fieldset className="space-y-2">
              <legend className="sr-only">{t("agency.campaigns.sdrs")}</legend>
              {sdrs.map((s) => (
                <label key={s.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="sdrIds" value={s.id} defaultChecked={assigned.has(s.id)} className="h-4 w-4 rounded border-slate-300" />
                  {s.name}
                </label>
              ))}
            </fieldset>
          ) : (
            <p className="text-sm text-slate-500">{t("agency.campaigns.noSdrInAgency")}</p>
          )}
          <ErrorList errors={errors?.sdrIds} />
          <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("agency.campaigns.saveSdrs")}</button>
        </Form>
      </section>
    </div>
  );
}
