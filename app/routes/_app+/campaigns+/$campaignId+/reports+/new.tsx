import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { parseForm } from "~/utils/form";
import { createDraft, reportingCampaign } from "~/models/reports/reports.server";
import { composeSchema } from "~/domain/reports/schemas";
import { defaultReportPeriod } from "~/domain/reports/period";
import { SECTION_KEYS } from "~/domain/reports/sections";
import { todayIn } from "~/domain/objectives/dates";
import { prisma } from "~/utils/db.server";
import { ComposeForm } from "~/components/reports/ComposeForm";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "report:send");
  await orResponse(reportingCampaign(actor, params.campaignId!));
  const agency = await prisma.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { timeZone: true } });
  return json({ period: defaultReportPeriod(todayIn(agency.timeZone)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "report:send");
  const formData = await readForm(request);
  const parsed = parseForm(composeSchema, formData, ["sections", "highlightIds"]);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const r = await createDraft(actor, params.campaignId!, parsed.data);
    return redirect(`/campaigns/${r.campaignId}/reports/${r.id}/edit`);
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function NewReport() {
  const { period } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result && !result.ok ? result.values : undefined;
  const { t } = useT();
  return (
    <section className="card max-w-3xl space-y-4">
      <Link to=".." relative="path" className="link text-sm">← {t("reports.backToReports")}</Link>
      <div>
        <h2 className="h2">{t("reports.new")}</h2>
        <p className="text-sm text-slate-600">{t("reports.compose.intro")}</p>
      </div>
      <ComposeForm
        values={{
          periodStart: v?.periodStart ?? period.start,
          periodEnd: v?.periodEnd ?? period.end,
          sections: v ? (v.sections ?? "").split(",") : [...SECTION_KEYS],
          highlightIds: [],
          commentary: v?.commentary ?? "",
          highlights: v?.highlights ?? "",
          nextSteps: v?.nextSteps ?? "",
        }}
        errors={result && !result.ok ? result.errors : undefined}
        candidates={null}
        currency="EUR"
        submitLabel={t("reports.compose.create")}
        correction={false}
      />
    </section>
  );
}
