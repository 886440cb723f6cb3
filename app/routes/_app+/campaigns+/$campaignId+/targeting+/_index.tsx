import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { listPersonas } from "~/models/agreement/drafts.server";
import { orResponse } from "~/utils/http.server";
import { can } from "~/domain/shared/permissions";
import { VersionBadge } from "~/components/agreement/VersionParts";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const personas = await orResponse(listPersonas(actor, params.campaignId!));
  return json({ personas, canDraft: can(actor.role, "version:draft") });
}

export default function Targeting() {
  const { personas, canDraft } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="space-y-4">
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
