// One assessment: its levels on the grid version it was made on, evidence, comment and next step, and its history.
// Editing (its author SDR, or an AM or admin) keeps what it said before. A client, or another SDR, gets a 404.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { failure, parseForm } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { assessmentPage } from "~/models/qualitative/pages.server";
import { editAssessment } from "~/models/qualitative/qualitative.server";
import { editAssessmentSchema, formatRecordingTime, levelsFromForm } from "~/domain/qualitative/schemas";
import { LEVELS } from "~/domain/qualitative/grid";
import { formatDay } from "~/domain/objectives/format";
import { keyFor } from "~/i18n";
import { Field, FormError, ErrorList } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:read");
  return json(await orResponse(assessmentPage(actor, params.campaignId!, params.objectiveId!, params.assessmentId!)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "objective:read");
  const formData = await readForm(request);
  const a = await orResponse(assessmentPage(actor, params.campaignId!, params.objectiveId!, params.assessmentId!));
  if (!a.canEdit) throw new Response("Forbidden", { status: 403 });
  const parsed = parseForm(editAssessmentSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    await editAssessment(actor, a.id, { ...parsed.data, levels: levelsFromForm(formData) });
    return redirectWithToast(`/campaigns/${params.campaignId}/objectives/qualitative/${params.objectiveId}/assessments/${a.id}`, "objectives.qual.assessment.edited");
  } catch (e) {
    const r = actionError(e, formData);
    const body = await r.json();
    if (!body.ok) {
      const errors = Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k.startsWith("level:") ? `level.${k.slice(6)}` : k, v]));
      return json(failure(formData, errors), { status: r.status });
    }
    return r;
  }
}

export default function AssessmentPage() {
  const a = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const errors = failed?.errors;
  const v = failed?.values;
  const navigation = useNavigation();
  const { campaignId } = useParams();
  const { t, locale, dateTime } = useT();
  const levelName = (l: string | undefined) => (l ? t(keyFor("objectives.qual.level", l, "common.unknown")) : "—");
  const kind = t(keyFor("objectives.qual.kind", a.kind, "common.unknown"));
  return (
    <div className="space-y-6">
      <div>
        <Link to="../.." relative="path" className="link text-sm">← {a.objectiveTitle}</Link>
        <h2 className="h2 mt-2">{t("objectives.qual.assessment.of", { kind, name: a.sdrName ?? t("objectives.qual.team") })}</h2>
        <p className="mt-1 text-sm text-slate-600">
          {t("objectives.qual.assessment.by", { name: a.author ?? "—", date: formatDay(locale, a.day), ritual: t(keyFor("objectives.qual.ritual", a.ritual, "common.unknown")) })} · {t("objectives.qual.page.gridVersion", { version: a.grid.version })}
        </p>
      </div>

      <section className="card space-y-3">
        <table className="min-w-full text-sm">
          <tbody className="divide-y divide-slate-100">
            {a.grid.criteria.map((c) => {
              const l = a.levels[c.key];
              return (
                <tr key={c.key} className="align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-900">{c.label}</th>
                  <td className="py-2 pr-3 font-medium">{levelName(l)}</td>
                  <td className="py-2 text-slate-600">{l && l in c.levels ? c.levels[l as keyof typeof c.levels] : ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {a.evidence.length || a.recordingUrl || a.note ? (
          <div>
            <h3 className="text-xs font-semibold uppercase text-slate-500">{t("objectives.qual.page.evidence")}</h3>
            <ul className="text-sm">
              {a.evidence.map((m) => <li key={m.id}><Link className="link" to={`/campaigns/${campaignId}/meetings/${m.id}`}>{m.prospectName} · {m.prospectCompany}</Link></li>)}
              {a.recordingUrl ? <li><a className="link" href={a.recordingUrl} rel="noreferrer noopener" target="_blank">{t("objectives.qual.assessment.recording", { time: formatRecordingTime(a.recordingAt ?? 0) })}</a></li> : null}
            </ul>
            {a.note ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{a.note}</p> : null}
          </div>
        ) : null}
        {a.comment ? <div><h3 className="text-xs font-semibold uppercase text-slate-500">{t("objectives.qual.assess.comment")}</h3><p className="whitespace-pre-line text-sm text-slate-800">{a.comment}</p></div> : null}
        {a.nextStep ? <div><h3 className="text-xs font-semibold uppercase text-slate-500">{t("objectives.qual.assess.nextStep")}</h3><p className="whitespace-pre-line text-sm text-slate-800">{a.nextStep}</p></div> : null}
      </section>

      {a.canEdit ? (
        <details className="card" open={Boolean(failed)}>
          <summary className="cursor-pointer font-semibold text-slate-900">{t("objectives.qual.assessment.edit")}</summary>
          <Form method="post" className="mt-4 space-y-4" noValidate>
            <FormError errors={errors} />
            {a.grid.criteria.map((c) => (
              <fieldset key={c.key} className="rounded-md border border-slate-200 p-3">
                <legend className="px-1 text-sm font-medium text-slate-900">{c.label}</legend>
                <div className="flex flex-wrap gap-3">
                  {LEVELS.map((l) => (
                    <label key={l} className="flex items-center gap-1 text-sm">
                      <input type="radio" name={`level.${c.key}`} value={l} defaultChecked={(v?.[`level.${c.key}`] ?? a.levels[c.key]) === l} className="h-4 w-4" />
                      {levelName(l)}
                    </label>
                  ))}
                </div>
                <ErrorList errors={errors?.[`level.${c.key}`]} />
              </fieldset>
            ))}
            <Field label={t("objectives.qual.assess.comment")} name="comment" multiline maxLength={4000} defaultValue={v?.comment ?? a.comment} errors={errors?.comment} />
            <Field label={t("objectives.qual.assess.nextStep")} name="nextStep" multiline maxLength={2000} defaultValue={v?.nextStep ?? a.nextStep} errors={errors?.nextStep} />
            <Field label={t("objectives.qual.assess.note")} name="note" multiline maxLength={2000} defaultValue={v?.note ?? a.note} errors={errors?.note} />
            <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("objectives.qual.assessment.editSave")}</button>
          </Form>
        </details>
      ) : null}

      <section className="space-y-2" aria-labelledby="rev-title">
        <h3 id="rev-title" className="font-semibold text-slate-900">{t("objectives.qual.assessment.history")}</h3>
        {a.revisions.length === 0 ? <p className="text-sm text-slate-600">{t("objectives.qual.assessment.noHistory")}</p> : (
          <ol className="space-y-2">
            {a.revisions.map((r) => (
              <li key={r.id} className="card text-sm">
                <p className="text-xs text-slate-500">{t("objectives.qual.assessment.before", { date: dateTime(r.at), name: r.by ?? "—" })}</p>
                <ul className="mt-1">
                  {a.grid.criteria.map((c) => <li key={c.key}>{c.label} · {levelName(r.snapshot.levels?.[c.key])}</li>)}
                </ul>
                {r.snapshot.comment ? <p className="mt-1 whitespace-pre-line text-slate-700">{r.snapshot.comment}</p> : null}
                {r.snapshot.nextStep ? <p className="mt-1 text-slate-600">{t("objectives.qual.page.nextStep", { text: r.snapshot.nextStep })}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
