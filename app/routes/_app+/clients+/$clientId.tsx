import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { getClient, listAccountManagers, updateClient } from "~/models/client.server";
import { listPendingInvitations } from "~/models/invitation.server";
import { parseForm } from "~/utils/form";
import { actionError, orResponse } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { clientSchema } from "~/domain/shared/schemas";
import { can, invitableRoles, CLIENT_ROLES } from "~/domain/shared/permissions";
import { ClientFields } from "~/components/ClientFields";
import { FormError } from "~/components/forms/Field";
import { InviteForm, PendingInvitations } from "~/components/Invitations";
import { CampaignStatusBadge } from "~/components/StatusBadge";
import { useT } from "~/utils/i18n";
import { readForm } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "client:read");
  const client = await orResponse(getClient(actor, params.clientId!));
  const manage = can(actor.role, "client:manage");
  const [managers, pending] = await Promise.all([
    manage ? listAccountManagers(actor) : Promise.resolve([] as Awaited<ReturnType<typeof listAccountManagers>>),
    listPendingInvitations(actor, { clientCompanyId: client.id }),
  ]);
  return json({
    client,
    managers,
    pending,
    manage,
    canCreateCampaign: can(actor.role, "campaign:manage"),
    manageMembers: can(actor.role, "team:manage"),
    inviteRoles: invitableRoles(actor.role).filter((r) => CLIENT_ROLES.includes(r)),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "client:manage");
  const formData = await readForm(request);
  const parsed = parseForm(clientSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    await updateClient(actor, params.clientId!, parsed.data);
    return redirectWithToast(`/clients/${params.clientId}`, "common.saved");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function ClientPage() {
  const { client, managers, pending, manage, canCreateCampaign, inviteRoles, manageMembers } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  const values = data && !data.ok ? data.values : { name: client.name, website: client.website, currency: client.currency, accountManagerId: client.accountManager?.id };
  return (
    <div className="space-y-8">
      <div>
        <Link to="/clients" className="text-sm link">← {t("common.clients")}</Link>
        <h1 className="h1 mt-2">{client.name}</h1>
        <p className="text-sm text-slate-600">{t("agency.clients.accountManager")}: {client.accountManager?.name ?? "—"}</p>
        <Link to={`/billing/${client.id}`} className="link text-sm">{t("billing.openBilling")}</Link>
      </div>
      <section className="card">
        <div className="flex items-center justify-between">
          <h2 className="h2">{t("common.campaigns")}</h2>
          {canCreateCampaign ? <Link to={`/campaigns/new?clientId=${client.id}`} className="btn-primary">{t("agency.campaigns.new")}</Link> : null}
        </div>
        {client.campaigns.length ? (
          <ul className="mt-3 divide-y divide-slate-100">
            {client.campaigns.map((c) => (
              <li key={c.id} className="flex items-center justify-between py-2">
                <Link to={`/campaigns/${c.id}`} className="link">{c.name}</Link>
                <CampaignStatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-slate-500">{t("agency.campaigns.empty")}</p>
        )}
      </section>
      <section className="card">
        <h2 className="h2">{t("agency.clients.people")}</h2>
        {client.memberships.length ? (
          <ul className="mt-3 divide-y divide-slate-100">
            {client.memberships.map((m) => (
              <li key={m.id} className="flex items-center justify-between py-2 text-sm">
                <span><span className="font-medium">{m.user.name}</span> · {m.user.email}</span>
                <span className="flex items-center gap-3 text-slate-600">
                  {m.deactivatedAt ? <span className="badge bg-slate-200 text-slate-700">{t("agency.team.deactivated")}</span> : null}
                  {t(`common.role.${m.role}`)}
                  {manageMembers ? (
                    <Link to={`/team/${m.id}`} className="font-medium text-brand-700 hover:underline" aria-label={t("agency.team.manageFor", { name: m.user.name })}>
                      {t("agency.team.manage")}
                    </Link>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-slate-500">{t("agency.clients.noPeople")}</p>
        )}
        <h3 className="mt-6 font-medium">{t("agency.team.pending")}</h3>
        <div className="mt-2"><PendingInvitations invitations={pending} /></div>
        {inviteRoles.length ? (
          <>
            <h3 className="mt-6 font-medium">{t("agency.clients.inviteContact")}</h3>
            <div className="mt-2"><InviteForm roles={inviteRoles} fixedClientId={client.id} /></div>
          </>
        ) : null}
      </section>
      {manage ? (
        <section className="card">
          <h2 className="h2">{t("agency.clients.details")}</h2>
          <Form method="post" className="mt-4 space-y-4" noValidate>
            <FormError errors={errors} />
            <ClientFields managers={managers} errors={errors} values={values} />
            <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("common.save")}</button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
