import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { createCampaign } from "~/models/campaign.server";
import { listAccountManagers, listClients } from "~/models/client.server";
import { parseForm } from "~/utils/form";
import { actionError } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { campaignSchema } from "~/domain/shared/schemas";
import { CampaignFields } from "~/components/CampaignFields";
import { FormError, SelectField } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { readForm } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:manage");
  const [clients, managers] = await Promise.all([listClients(actor), listAccountManagers(actor)]);
  return json({ clients: clients.map((c) => ({ id: c.id, name: c.name })), managers, me: actor.role === "ACCOUNT_MANAGER" ? actor.userId : "" });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "campaign:manage");
  const formData = await readForm(request);
  const parsed = parseForm(campaignSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const campaign = await createCampaign(actor, parsed.data);
    return redirectWithToast(`/campaigns/${campaign.id}`, "agency.campaigns.created");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function NewCampaign() {
  const { clients, managers, me } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  const values = data && !data.ok ? data.values : { clientCompanyId: params.get("clientId") ?? "", accountManagerId: me };
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="h1">{t("agency.campaigns.new")}</h1>
      {clients.length === 0 ? (
        <p className="card mt-6 text-sm">{t("agency.campaigns.needClient")} <Link to="/clients/new" className="link underline">{t("agency.clients.new")}</Link></p>
      ) : (
        <Form method="post" className="card mt-6 space-y-4" noValidate>
          <FormError errors={errors} />
          <SelectField
            label={t("agency.campaigns.client")}
            name="clientCompanyId"
            required
            emptyLabel={t("agency.campaigns.chooseClient")}
            options={clients.map((c) => ({ value: c.id, label: c.name }))}
            defaultValue={values.clientCompanyId}
            errors={errors?.clientCompanyId}
          />
          <CampaignFields managers={managers} errors={errors} values={values} />
          <div className="flex gap-3">
            <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("common.create")}</button>
            <Link to="/campaigns" className="btn-secondary">{t("common.cancel")}</Link>
          </div>
        </Form>
      )}
    </div>
  );
}
