// A new qualitative (O-V-A) objective, blank or from a template: the canvas, its grid (version 1), team or one SDR.
// A vague verb is flagged next to the field as one types and, without a script, once on submit; never refused.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { failure, parseForm } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { getLocale } from "~/utils/locale.server";
import { createQualitativeObjective } from "~/models/qualitative/qualitative.server";
import { qualObjectiveFormData } from "~/models/qualitative/pages.server";
import { listTemplatesFor, templateRowId } from "~/models/qualitative/templates.server";
import { CADENCE_ENUM, gridErrors, gridFromForm, qualObjectiveSchema, RITUAL_ENUM } from "~/domain/qualitative/schemas";
import { gridProblems } from "~/domain/qualitative/grid";
import { vagueVerbHint } from "~/domain/qualitative/verbs";
import { STAKES } from "~/domain/objectives/schemas";
import { METRIC_KEYS } from "~/domain/objectives/metrics";
import { formatDay } from "~/domain/objectives/format";
import { Field, FormError, ErrorList, SelectField } from "~/components/forms/Field";
import { GridFields } from "~/components/qualitative/GridFields";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const locale = await getLocale(request, actor);
  // The library: the built-in templates in the reader's language, then the agency's own (decision 0033).
  const [form, templates] = await Promise.all([orResponse(qualObjectiveFormData(actor, params.campaignId!)), listTemplatesFor(actor, locale)]);
  const templateId = new URL(request.url).searchParams.get("template");
  const template = templates.find((x) => x.id === templateId) ?? null;
  return json({ ...form, templates: templates.map((x) => ({ id: x.id, title: x.title, verb: x.verb, own: !x.builtIn })), template, me: actor.userId });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const formData = await readForm(request);
  const locale = await getLocale(request, actor);
  const parsed = parseForm(qualObjectiveSchema, formData, ["needMeetingIds"]);
  const { grid, rows } = gridFromForm(formData);
  const gErrors = gridProblems(grid).length ? gridErrors(grid, rows) : {};
  if (!parsed.ok) return json({ ...parsed, errors: { ...parsed.errors, ...gErrors }, vague: null }, { status: 400 });
  if (Object.keys(gErrors).length) return json({ ...failure(formData, gErrors), vague: null }, { status: 400 });
  // Without a script the hint has not been seen yet: show it once beside the verb, with everything kept.
  const hint = vagueVerbHint(parsed.data.verb, locale);
  if (hint && formData.get("verbChecked") !== "1") return json({ ...failure(formData, {}), vague: hint }, { status: 400 });
  try {
    // A built-in template is recorded as its row in this language (written on first use); another agency's id is a 404.
    const templateId = parsed.data.templateId ? await templateRowId(actor, parsed.data.templateId, locale) : null;
    const o = await createQualitativeObjective(actor, params.campaignId!, { ...parsed.data, templateId, behaviours: parsed.data.behaviours, grid });
    return redirectWithToast(`/campaigns/${params.campaignId}/objectives/qualitative/${o.id}`, "objectives.qual.form.created");
  } catch (e) {
    const r = actionError(e, formData);
    return json({ ...(await r.json()), vague: null }, { status: r.status });
  }
}

export default function NewQualitativeObjective() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const errors = failed?.errors;
  const v = failed?.values;
  const navigation = useNavigation();
  const { t, locale } = useT();
  const tpl = d.template;
  const linked = new Set((v?.needMeetingIds ?? "").split(",").filter(Boolean));
  return (
    <section className="card max-w-4xl">
      <Link to=".." relative="path" className="link text-sm">← {t("objectives.title")}</Link>
      <h2 className="h2 mt-2">{t("objectives.qual.new")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("objectives.qual.form.intro")}</p>

      <nav aria-labelledby="tpl-title" className="mt-4 rounded-md bg-slate-50 p-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h3 id="tpl-title" className="text-sm font-semibold text-slate-800">{t("objectives.qual.form.templates")}</h3>
          <Link to="/settings/templates" className="link text-sm">{t("objectives.qual.form.library")}</Link>
        </div>
        {d.templates.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t("objectives.qual.form.noTemplates")}</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2">
            <li><Link to="." className={`badge ${tpl ? "bg-white text-slate-700" : "bg-indigo-100 text-indigo-900"}`} aria-current={tpl ? undefined : "page"}>{t("objectives.qual.form.blank")}</Link></li>
            {d.templates.map((x) => (
              <li key={x.id}>
                <Link to={`?template=${x.id}`} className={`badge ${tpl?.id === x.id ? "bg-indigo-100 text-indigo-900" : "bg-white text-slate-700"}`} aria-current={tpl?.id === x.id ? "page" : undefined}>{x.title}</Link>
              </li>
            ))}
          </ul>
        )}
        {tpl ? <p className="mt-2 text-xs text-slate-600">{t("objectives.qual.form.fromTemplate", { title: tpl.title })}</p> : null}
      </nav>

      <Form method="post" className="mt-6 space-y-8" noValidate key={tpl?.id ?? "blank"}>
        <FormError errors={errors && Object.keys(errors).length ? errors : null} />
        {tpl ? <input type="hidden" name="templateId" value={tpl.id} /> : null}
        <fieldset className="space-y-4">
          <legend className="text-base font-semibold text-slate-900">{t("objectives.qual.form.sectionObjective")}</legend>
          <Field label={t("objectives.qual.form.title")} name="title" required maxLength={200} defaultValue={v?.title ?? tpl?.title} errors={errors?.title} hint={t("objectives.qual.form.titleHint")} />
          <SelectField
            label={t("objectives.stakeLabel")}
            name="stake"
            required
            defaultValue={v?.stake ?? ""}
            emptyLabel={t("objectives.form.chooseStake")}
            errors={errors?.stake}
            options={STAKES.map((k) => ({ value: k, label: `${t(`objectives.stake.${k}`)}: ${t(`objectives.stakeHelp.${k}`)}` }))}
          />
          <Field label={t("objectives.qual.form.need")} name="need" multiline required maxLength={2000} defaultValue={v?.need ?? tpl?.need} errors={errors?.need} hint={t("objectives.qual.form.needHint")} />
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">{t("objectives.qual.form.needMeetings")}</legend>
            {d.meetings.length === 0 ? <p className="text-sm text-slate-500">{t("objectives.qual.form.noMeetings")}</p> : (
              <ul className="mt-1 max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm">
                {d.meetings.map((m) => (
                  <li key={m.id}>
                    <label className="flex items-start gap-2">
                      <input type="checkbox" name="needMeetingIds" value={m.id} defaultChecked={linked.has(m.id)} className="mt-1 h-4 w-4 rounded border-slate-300" />
                      <span>
                        {m.prospectName} · {m.prospectCompany} · {formatDay(locale, m.scheduledAt.slice(0, 10))} · {m.sdr.name}
                        {m.verdict === "DISPUTED" ? <span className="badge ml-2 bg-amber-100 text-amber-900">{t("objectives.qual.form.disputed")}</span> : null}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <ErrorList errors={errors?.needMeetingIds} />
          </fieldset>
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="text-base font-semibold text-slate-900">{t("objectives.qual.form.sectionVerb")}</legend>
          <VerbField key={tpl?.id ?? "blank"} initial={v?.verb ?? tpl?.verb ?? ""} serverHint={Boolean(failed?.vague)} errors={errors?.verb} />
          <Field label={t("objectives.qual.form.behaviours")} name="behaviours" multiline maxLength={4000} defaultValue={v?.behaviours ?? tpl?.behaviours.join("\n")} errors={errors?.behaviours} hint={t("objectives.qual.form.behavioursHint")} />
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="text-base font-semibold text-slate-900">{t("objectives.qual.form.sectionAnimation")}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label={t("objectives.qual.form.ritual")} name="ritual" required defaultValue={v?.ritual ?? tpl?.ritual ?? "CALL_REVIEW"} errors={errors?.ritual} options={RITUAL_ENUM.map((r) => ({ value: r, label: t(`objectives.qual.ritual.${r}`) }))} />
            <SelectField label={t("objectives.qual.form.cadence")} name="cadence" required defaultValue={v?.cadence ?? tpl?.cadence ?? "WEEKLY"} errors={errors?.cadence} options={CADENCE_ENUM.map((c) => ({ value: c, label: t(`objectives.qual.cadence.${c}`) }))} />
            <SelectField label={t("objectives.qual.form.owner")} name="ritualOwnerId" defaultValue={v?.ritualOwnerId ?? d.me} errors={errors?.ritualOwnerId} options={d.owners.map((o) => ({ value: o.id, label: o.name }))} />
            <Field label={t("objectives.qual.form.startsOn")} name="startsOn" type="date" required defaultValue={v?.startsOn ?? d.today} errors={errors?.startsOn} />
            <SelectField
              label={t("objectives.qual.form.who")}
              name="sdrId"
              defaultValue={v?.sdrId ?? ""}
              errors={errors?.sdrId}
              options={[{ value: "", label: t("objectives.qual.team") }, ...d.sdrs.map((s) => ({ value: s.id, label: s.name }))]}
            />
            <SelectField
              label={t("objectives.qual.form.supports")}
              name="supportsMetric"
              defaultValue={v?.supportsMetric ?? ""}
              errors={errors?.supportsMetric}
              options={[{ value: "", label: t("objectives.qual.form.supportsNone") }, ...METRIC_KEYS.map((k) => ({ value: k, label: t(`objectives.metricName.${k}`) }))]}
            />
          </div>
        </fieldset>

        <GridFields criteria={tpl?.grid.criteria ?? []} values={v} errors={errors} />

        <button className="btn-primary" disabled={navigation.state === "submitting"}>
          {failed?.vague ? t("objectives.qual.form.createAnyway") : t("objectives.qual.form.create")}
        </button>
      </Form>
    </section>
  );
}

/** The verb with its vague-verb hint, computed as one types (and in the server's render, so it shows without a script). */
function VerbField({ initial, serverHint, errors }: { initial: string; serverHint: boolean; errors?: string[] }) {
  const { t, locale } = useT();
  const [verb, setVerb] = useState(initial);
  const hint = vagueVerbHint(verb, locale);
  return (
    <div>
      <label htmlFor="verb" className="block text-sm font-medium text-slate-700">{t("objectives.qual.form.verb")}</label>
      <input
        id="verb"
        name="verb"
        className="input mt-1"
        maxLength={300}
        value={verb}
        onChange={(e) => setVerb(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby="verb-hint verb-vague verb-error"
      />
      <p id="verb-hint" className="mt-1 text-xs text-slate-500">{t("objectives.qual.form.verbHint")}</p>
      <div id="verb-vague" aria-live="polite">
        {hint ? (
          <p className="mt-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("objectives.qual.form.vague", { words: hint.vague.join(", "), suggestions: hint.suggestions.join(", ") })}
            {serverHint ? <span className="block text-xs">{t("objectives.qual.form.vagueNoScript")}</span> : null}
          </p>
        ) : null}
      </div>
      <ErrorList id="verb-error" errors={errors} />
      {/* The hint was on screen: the next submit creates the objective as it is (never refused for a vague verb). */}
      {hint ? <input type="hidden" name="verbChecked" value="1" /> : null}
    </div>
  );
}
