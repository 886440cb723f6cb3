import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { parseForm } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { getDraftForEdit, saveDraft } from "~/models/reports/reports.server";
import { composeSchema } from "~/domain/reports/schemas";
import { formatPeriod } from "~/domain/objectives/format";
import { ComposeForm } from "~/components/reports/ComposeForm";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "report:send");
  const d = await orResponse(getDraftForEdit(actor, params.reportId!));
  if (d.report.campaignId !== params.campaignId) throw new Response("Not Found", { status: 404 });
  if (d.report.status !== "DRAFT") throw redirect(`/campaigns/${params.campaignId}/reports/${d.report.id}`);
  const currency = (d.report.snapshot as { campaign?: { currency?: string } } | null)?.campaign?.currency ?? "EUR";
  return json({
    id: d.report.id,
    values: {
      periodStart: d.period.start, periodEnd: d.period.end, sections: d.report.sections, highlightIds: d.report.highlightIds,
      commentary: d.report.commentary, highlights: d.report.highlights, nextSteps: d.report.nextSteps, correctionNote: d.report.correctionNote,
    },
    correction: d.report.supersedesId !== null,
    candidates: d.candidates,
    overlapping: d.overlapping,
    currency,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "report:send");
  const formData = await readForm(request);
  const parsed = parseForm(composeSchema, formData, ["sections", "highlightIds"]);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const r = await saveDraft(actor, params.reportId!, parsed.data);
    return redirectWithToast(`/campaigns/${r.campaignId}/reports/${r.id}`, "reports.compose.saved");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function EditReport() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const v = result && !result.ok ? result.values : undefined;
  const { t, locale } = useT();
  return (
    <section className="card max-w-3xl space-y-4">
      <Link to={`../${d.id}`} relative="path" className="link text-sm">← {t("reports.backToReports")}</Link>
      <div>
        <h2 className="h2">{t("reports.compose.title")}{d.correction ? ` · ${t("reports.correction")}` : ""}</h2>
        <p className="text-sm text-slate-600">{t("reports.compose.intro")}</p>
      </div>
      {d.overlapping.length ? (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("reports.overlap", { period: d.overlapping.map((o) => formatPeriod(locale, o.period)).join(", ") })}
        </p>
      ) : null}
      <ComposeForm
        values={v ? { ...d.values, ...v, sections: (v.sections ?? "").split(","), highlightIds: (v.highlightIds ?? "").split(",") } : d.values}
        errors={result && !result.ok ? result.errors : undefined}
        candidates={d.candidates}
        currency={d.currency}
        submitLabel={t("reports.compose.save")}
        correction={d.correction}
      />
    </section>
  );
}
