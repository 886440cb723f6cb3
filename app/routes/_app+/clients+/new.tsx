import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { createClient, listAccountManagers } from "~/models/client.server";
import { parseForm } from "~/utils/form";
import { actionError } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { clientSchema } from "~/domain/shared/schemas";
import { ClientFields } from "~/components/ClientFields";
import { FormError } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { readForm } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "client:manage");
  return json({ managers: await listAccountManagers(actor), me: actor.role === "ACCOUNT_MANAGER" ? actor.userId : "" });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "client:manage");
  const formData = await readForm(request);
  const parsed = parseForm(clientSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const client = await createClient(actor, parsed.data);
    return redirectWithToast(`/clients/${client.id}`, "agency.clients.created");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function NewClient() {
  const { managers, me } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  const values = data && !data.ok ? data.values : { accountManagerId: me };
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="h1">{t("agency.clients.new")}</h1>
      <Form method="post" className="card mt-6 space-y-4" noValidate>
        <FormError errors={errors} />
        <ClientFields managers={managers} errors={errors} values={values} />
        <div className="flex gap-3">
          <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("common.create")}</button>
          <Link to="/clients" className="btn-secondary">{t("common.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
