import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { listClients } from "~/models/client.server";
import { can } from "~/domain/shared/permissions";
import { useT } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "client:read");
  return json({ clients: await listClients(actor), canCreate: can(actor.role, "client:manage") });
}

export default function Clients() {
  const { clients, canCreate } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="h1">{t("common.clients")}</h1>
        {canCreate ? <Link to="/clients/new" className="btn-primary">{t("agency.clients.new")}</Link> : null}
      </div>
      {clients.length === 0 ? (
        <p className="card text-sm text-slate-600">{t("agency.clients.empty")}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="table">
            <thead>
              <tr>
                <th>{t("agency.clients.name")}</th>
                <th>{t("agency.clients.accountManager")}</th>
                <th className="text-right">{t("common.campaigns")}</th>
                <th className="text-right">{t("agency.clients.users")}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/clients/${c.id}`} className="link font-medium">{c.name}</Link></td>
                  <td>{c.accountManager?.name ?? "—"}</td>
                  <td className="text-right tabular-nums">{c._count.campaigns}</td>
                  <td className="text-right tabular-nums">{c._count.memberships}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
