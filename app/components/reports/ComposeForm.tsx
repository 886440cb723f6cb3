// The compose form of a report (new draft or saved draft): period, sections, highlight meetings, the AM's texts.
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError, ErrorList } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { SECTION_KEYS } from "~/domain/reports/sections";
import { MAX_TEXT } from "~/domain/reports/text";
import { formatDay, formatMetric } from "~/domain/objectives/format";
import type { HighlightMeeting } from "~/domain/reports/snapshot";

export type ComposeValues = {
  periodStart: string;
  periodEnd: string;
  sections: string[];
  highlightIds: string[];
  commentary: string;
  highlights: string;
  nextSteps: string;
  correctionNote?: string;
};

export function ComposeForm({
  values, errors, candidates, currency, submitLabel, correction,
}: {
  values: ComposeValues;
  errors?: Record<string, string[]>;
  candidates: HighlightMeeting[] | null;
  currency: string;
  submitLabel: string;
  correction: boolean;
}) {
  const { t, locale } = useT();
  const busy = useNavigation().state !== "idle";
  const picked = new Set(values.highlightIds);
  return (
    <Form method="post" className="space-y-5" noValidate>
      <FormError errors={errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("reports.periodStart")} name="periodStart" type="date" required defaultValue={values.periodStart} errors={errors?.periodStart} />
        <Field label={t("reports.periodEnd")} name="periodEnd" type="date" required defaultValue={values.periodEnd} errors={errors?.periodEnd} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("reports.compose.sections")}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {SECTION_KEYS.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="sections" value={k} defaultChecked={values.sections.includes(k)} className="h-4 w-4 rounded border-slate-300" />
              {t(`reports.section.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {candidates ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("reports.compose.highlightsPick")}</legend>
          <p className="text-xs text-slate-500">{t("reports.compose.highlightsHint")}</p>
          <input type="hidden" name="highlightsPicked" value="1" />
          {candidates.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("reports.compose.noCandidates")}</p>
          ) : (
            <ul className="mt-2 grid gap-2 sm:grid-cols-2">
              {candidates.map((m) => (
                <li key={m.id}>
                  <label className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm">
                    <input type="checkbox" name="highlightIds" value={m.id} defaultChecked={picked.has(m.id)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
                    <span className="min-w-0">
                      <span className="block break-words font-medium">{m.company}</span>
                      <span className="block break-words text-xs text-slate-600">
                        {m.prospectTitle} · {formatDay(locale, m.day)}
                        {m.won ? ` · ${t("reports.view.won")}` : m.opportunity ? ` · ${t("reports.view.opportunity")}` : ""}
                        {m.pipelineValue ? ` · ${formatMetric(locale, "money", m.pipelineValue, currency)}` : ""}
                        {m.rating ? ` · ${t("reports.view.ratingShort", { rating: m.rating })}` : ""}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <ErrorList errors={errors?.highlightIds} />
        </fieldset>
      ) : null}
      <Field label={t("reports.compose.commentary")} name="commentary" multiline maxLength={MAX_TEXT} defaultValue={values.commentary} errors={errors?.commentary} hint={t("reports.compose.textHint")} />
      <Field label={t("reports.compose.highlights")} name="highlights" multiline maxLength={MAX_TEXT} defaultValue={values.highlights} errors={errors?.highlights} />
      <Field label={t("reports.compose.nextSteps")} name="nextSteps" multiline maxLength={MAX_TEXT} defaultValue={values.nextSteps} errors={errors?.nextSteps} />
      {correction ? (
        <Field label={t("reports.correctionNote")} name="correctionNote" multiline maxLength={1000} defaultValue={values.correctionNote ?? ""} errors={errors?.correctionNote} />
      ) : null}
      <button type="submit" className="btn-primary" disabled={busy}>{submitLabel}</button>
    </Form>
  );
}
