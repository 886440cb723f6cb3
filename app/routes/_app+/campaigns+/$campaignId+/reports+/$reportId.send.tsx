import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { actionError, appOrigin, orResponse, readForm } from "~/utils/http.server";
import { failure, parseForm } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { getReport, recipientChoices, sendReport, testSendReport } from "~/models/reports/reports.server";
import { sendSchema } from "~/domain/reports/schemas";
import { formatPeriod } from "~/domain/objectives/format";
import { ErrorList, Field, FormError } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { keyFor } from "~/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "report:send");
  const report = await orResponse(getReport(actor, params.reportId!));
  if (report.campaign.id !== params.campaignId) throw new Response("Not Found", { status: 404 });
  if (report.status !== "DRAFT") throw redirect(`/campaigns/${params.campaignId}/reports/${report.id}`);
  const users = await orResponse(recipientChoices(actor, params.campaignId!, report.corrects?.id));
  const { reportPdfAttached } = await prisma.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { reportPdfAttached: true } });
  return json({
    id: report.id, period: report.period, users, me: actor.email, pdfAttached: reportPdfAttached,
    correction: report.corrects ? { note: report.correctionNote } : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "report:send");
  const formData = await readForm(request);
  const here = `/campaigns/${params.campaignId}/reports/${params.reportId}`;
  try {
    if (formData.get("intent") === "test") {
      await testSendReport(actor, params.reportId!, appOrigin(request));
      return redirectWithToast(`${here}/send`, "reports.send.tested");
    }
    if (formData.get("intent") !== "send") return json(failure(formData, { _form: ["common.errors.invalid"] }), { status: 400 });
    const parsed = parseForm(sendSchema, formData, ["recipientIds"]);
    if (!parsed.ok) return json(parsed, { status: 400 });
    await sendReport(actor, params.reportId!, parsed.data.recipientIds, appOrigin(request), new Date(), { correctionNote: parsed.data.correctionNote });
    return redirectWithToast(here, "reports.send.sent");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function SendReport() {
  const { id, period, users, me, pdfAttached, correction } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const chosen = result && !result.ok && result.values.recipientIds !== undefined ? new Set(result.values.recipientIds.split(",")) : null;
  const busy = useNavigation().state !== "idle";
  const { t, locale } = useT();
  return (
    <section className="card max-w-3xl space-y-4">
      <Link to={`../${id}`} relative="path" className="link text-sm">← {t("reports.backToReports")}</Link>
      <div>
        <h2 className="h2">{t("reports.send.title")} · {formatPeriod(locale, period)}</h2>
        <p className="text-sm text-slate-600">{t("reports.send.intro")}</p>
      </div>
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value="send" />
        <FormError errors={errors} />
        {users.length === 0 ? (
          <p className="text-sm text-slate-600">{t("reports.send.noUsers")}</p>
        ) : (
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">{t("reports.send.recipients")}</legend>
            <ul className="mt-2 space-y-2">
              {users.map((u) => (
                <li key={u.id}>
                  <label className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="recipientIds" value={u.id} defaultChecked={chosen ? chosen.has(u.id) : u.byDefault} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
                    <span className="min-w-0 break-words">
                      {u.name} · {u.email} · {t(keyFor("reports.send.role", u.role, "common.unknown"))} · {t("reports.send.language", { language: t(`reports.language.${u.locale}`) })}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <ErrorList errors={errors?.recipientIds} />
          </fieldset>
        )}
        {correction ? (
          <Field
            label={t("reports.correctionNote")} name="correctionNote" multiline maxLength={1000} required
            defaultValue={result && !result.ok ? result.values.correctionNote ?? correction.note : correction.note} errors={errors?.correctionNote}
          />
        ) : null}
        {pdfAttached ? <p className="text-sm text-slate-600">{t("reports.send.pdfAttached")}</p> : null}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={busy || users.length === 0}>{t("reports.send.submit")}</button>
          <Link to={`../${id}/preview?lang=${locale}`} relative="path" className="btn-secondary">{t("reports.preview")}</Link>
        </div>
      </Form>
      <Form method="post" className="border-t border-slate-100 pt-4">
        <input type="hidden" name="intent" value="test" />
        <p className="mb-2 text-sm text-slate-600">{t("reports.send.testHint", { email: me })}</p>
        <button type="submit" className="btn-secondary" disabled={busy}>{t("reports.send.test")}</button>
      </Form>
    </section>
  );
}
