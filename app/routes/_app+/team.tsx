import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { listTeam } from "~/models/user.server";
import { listPendingInvitations } from "~/models/invitation.server";
import { listClients } from "~/models/client.server";
import { can, canManageMember, invitableRoles, isClientRole } from "~/domain/shared/permissions";
import { InviteForm, PendingInvitations } from "~/components/Invitations";
import { useT } from "~/utils/i18n";
import { formatDate } from "~/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "team:read");
  const roles = invitableRoles(actor.role);
  const [members, pending, clients] = await Promise.all([
    listTeam(actor),
    roles.length ? listPendingInvitations(actor) : Promise.resolve([] as Awaited<ReturnType<typeof listPendingInvitations>>),
    can(actor.role, "client:read") && roles.length ? listClients(actor) : Promise.resolve([] as Awaited<ReturnType<typeof listClients>>),
  ]);
  return json({
    organization: actor.clientCompanyName ?? actor.agencyName,
    members: members.map((m) => ({ ...m, manageable: canManageMember(actor, m) })),
    pending,
    roles,
    clients: clients.map((c) => ({ id: c.id, name: c.name })),
    fixedClientId: isClientRole(actor.role) ? actor.clientCompanyId ?? undefined : undefined,
    client: isClientRole(actor.role),
  });
}

export default function Team() {
  const data = useLoaderData<typeof loader>();
  const { t, locale, timeZone } = useT();
  return (
    <div className="space-y-8">
      <h1 className="h1">{t("agency.team.title", { organization: data.organization })}</h1>
      <section className="card p-0">
        <h2 className="h2 px-5 pt-5">{t("agency.team.members")}</h2>
        <div className="overflow-x-auto">
          <table className="table mt-3">
            <thead>
              <tr>
                <th>{t("agency.team.name")}</th>
                <th>{t("agency.team.email")}</th>
                <th>{t("agency.team.role")}</th>
                <th>{t("agency.team.since")}</th>
                <th>{t("agency.team.status")}</th>
                <th><span className="sr-only">{t("agency.team.manage")}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.id}>
                  <td className="font-medium">{m.user.name}</td>
                  <td>{m.user.email}</td>
                  <td>{t(`common.role.${m.role}`)}</td>
                  <td>{formatDate(locale, m.createdAt, { dateStyle: "medium", timeZone })}</td>
                  <td>
                    {m.deactivatedAt ? (
                      <span className="badge bg-slate-200 text-slate-700">{t("agency.team.deactivated")}</span>
                    ) : (
                      <span className="badge bg-green-100 text-green-800">{t("agency.team.active")}</span>
                    )}
                  </td>
                  <td>
                    {m.manageable ? (
                      <Link to={`/team/${m.id}`} className="text-sm font-medium text-brand-700 hover:underline" aria-label={t("agency.team.manageFor", { name: m.user.name })}>
                        {t("agency.team.manage")}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {data.roles.length ? (
        <>
          <section className="card">
            <h2 className="h2">{t("agency.team.pending")}</h2>
            <div className="mt-3">
              <PendingInvitations invitations={data.pending} showCompany={!data.client} />
            </div>
          </section>
          <section className="card">
            <h2 className="h2">{t("agency.team.inviteTitle")}</h2>
            <p className="mt-1 text-sm text-slate-600">{t("agency.team.inviteHelp")}</p>
            <div className="mt-4">
              <InviteForm roles={data.roles} clients={data.clients} fixedClientId={data.fixedClientId} />
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
