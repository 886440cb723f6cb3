import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { failure, parseForm } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { addReportComment, getReport, startCorrection } from "~/models/reports/reports.server";
import { commentSchema } from "~/domain/reports/schemas";
import { can, isClientRole } from "~/domain/shared/permissions";
import { formatPeriod } from "~/domain/objectives/format";
import { ReportView } from "~/components/reports/ReportView";
import { Field, FormError } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "report:read");
  const report = await orResponse(getReport(actor, params.reportId!));
  if (report.campaign.id !== params.campaignId) throw new Response("Not Found", { status: 404 });
  return json({ report, manage: can(actor.role, "report:send"), client: isClientRole(actor.role), timeZone: actor.timeZone ?? "Europe/Paris" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "report:read");
  const formData = await readForm(request);
  const here = `/campaigns/${params.campaignId}/reports/${params.reportId}`;
  try {
    switch (formData.get("intent")) {
      case "comment": {
        const parsed = parseForm(commentSchema, formData);
        if (!parsed.ok) return json(parsed, { status: 400 });
        await addReportComment(actor, params.reportId!, { body: parsed.data.body, internal: parsed.data.internal === "on" });
        return redirectWithToast(`${here}#comments`, "reports.comments.posted");
      }
      case "correct": {
        const r = await startCorrection(actor, params.reportId!);
        return redirect(`/campaigns/${r.campaignId}/reports/${r.id}/edit`);
      }
      default:
        return json(failure(formData, { _form: ["common.errors.invalid"] }), { status: 400 });
    }
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function ReportPage() {
  const { report: r, manage, client, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const busy = useNavigation().state !== "idle";
  const { t, locale } = useT();
  const when = (iso: string) => new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
  return (
    <div className="space-y-4">
      <Link to=".." relative="path" className="link text-sm">← {t("reports.backToReports")}</Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="h2">{t("reports.one")} · {formatPeriod(locale, r.period)}</h2>
          <p className="text-sm text-slate-600">
            <span className={`mr-2 rounded px-1.5 py-0.5 text-xs ${r.status === "SENT" ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-800"}`}>{t(`reports.status.${r.status}`)}</span>
            {r.frozenAt ? t("reports.frozenOn", { date: when(r.frozenAt) }) : t("reports.draftLive")}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {manage && r.status === "DRAFT" ? (
            <>
              <Link to="edit" className="btn-secondary">{t("reports.edit")}</Link>
              <Link to={`preview?lang=${locale}`} className="btn-secondary">{t("reports.preview")}</Link>
              <Link to="send" className="btn-primary">{t("reports.send")}</Link>
            </>
          ) : null}
          {r.status === "SENT" ? <a href={`${r.id}/pdf?lang=${locale}`} className="btn-secondary" download>{t("reports.pdf")}</a> : null}
          {manage && r.status === "SENT" && !r.correctedById ? (
            <Form method="post">
              <input type="hidden" name="intent" value="correct" />
              <button type="submit" className="btn-secondary" disabled={busy}>{t("reports.correct")}</button>
            </Form>
          ) : null}
        </div>
      </div>
      {r.corrects ? (
        <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <p>
            {t("reports.corrects", { date: r.corrects.sentAt ? when(r.corrects.sentAt) : "—" })}{" "}
            <Link to={`../${r.corrects.id}`} relative="path" className="link">{t("reports.correctsLink")}</Link>
          </p>
          {r.correctionNote ? <p className="mt-1 break-words">{r.correctionNote}</p> : null}
        </div>
      ) : null}
      {r.correctedById ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {r.correctionDraft ? (
            <>{t("reports.correctionDrafted")} <Link to={`../${r.correctedById}/edit`} relative="path" className="link">{t("reports.correctionDraftedLink")}</Link></>
          ) : (
            <>{t("reports.correctedBy")} <Link to={`../${r.correctedById}`} relative="path" className="link">{t("reports.correctedByLink")}</Link></>
          )}
        </p>
      ) : null}
      {r.snapshot ? <ReportView snapshot={r.snapshot} locale={locale} /> : null}
      {!client && r.status === "SENT" ? (
        <section className="card">
          <h3 className="h2 text-base">{t("reports.opens.title")}</h3>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {r.recipients.map((x) => (
              <li key={x.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="min-w-0 break-words">{x.name} · {x.email} · {t("reports.send.language", { language: t(`reports.language.${x.locale}`) })}</span>
                <span className="text-slate-600">
                  {x.openedAt ? t("reports.opens.opened", { date: when(x.openedAt) }) : t("reports.opens.notOpened")}
                  {x.lastOpenedAt && x.lastOpenedAt !== x.openedAt ? ` (${t("reports.opens.lastOpened", { date: when(x.lastOpenedAt) })})` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card space-y-3" id="comments">
        <h3 className="h2 text-base">{t("reports.comments.title")}</h3>
        {r.comments.length === 0 ? <p className="text-sm text-slate-600">{t("reports.comments.none")}</p> : null}
        <ul className="space-y-3">
          {r.comments.map((c) => (
            <li key={c.id} className={`rounded-md border p-3 text-sm ${c.internal ? "border-amber-200 bg-amber-50" : "border-slate-200"}`}>
              <p className="text-xs text-slate-500">
                {c.author ?? "—"} · {when(c.at)}
                {c.internal ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">{t("reports.comments.internalBadge")}</span> : null}
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words">{c.body}</p>
            </li>
          ))}
        </ul>
        <Form method="post" className="space-y-2" noValidate>
          <input type="hidden" name="intent" value="comment" />
          <FormError errors={errors} />
          <Field label={t("reports.comments.body")} name="body" multiline maxLength={2000} errors={errors?.body} />
          {!client ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="internal" value="on" defaultChecked={r.status === "DRAFT"} disabled={r.status === "DRAFT"} className="h-4 w-4 rounded border-slate-300" />
              {t("reports.comments.internal")}
            </label>
          ) : null}
          <button type="submit" className="btn-primary" disabled={busy}>{t("reports.comments.post")}</button>
        </Form>
      </section>
    </div>
  );
}
