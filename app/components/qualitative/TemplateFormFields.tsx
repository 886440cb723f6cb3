// The agency's own template: O-V-A fields, suggested ritual and cadence, and the grid's criteria rows with their
// four described levels. Errors next to each field; what was typed is kept after an error.
import { Form, Link, useNavigation } from "@remix-run/react";
import { Field, FormError, SelectField } from "~/components/forms/Field";
import { LEVELS } from "~/domain/qualitative/grid";
import { TEMPLATE_ROWS } from "~/domain/qualitative/template-form";
import { useT } from "~/utils/i18n";

const RITUALS = ["CALL_REVIEW", "HOT_DEBRIEF", "ONE_TO_ONE", "PEER_FEEDBACK", "TEAM_SESSION"] as const;
const CADENCES = ["WEEKLY", "BIWEEKLY", "MONTHLY"] as const;

export type TemplateValues = Record<string, string>;

export function TemplateFormFields({ values, errors }: { values: TemplateValues; errors?: Record<string, string[]> }) {
  const { t } = useT();
  const busy = useNavigation().state === "submitting";
  const v = (k: string) => values[k] ?? "";
  return (
    <Form method="post" className="space-y-6" noValidate>
      <FormError errors={errors} />
      <section className="card space-y-4" aria-labelledby="tpl-ova">
        <h2 id="tpl-ova" className="h2">{t("qual.templates.ova")}</h2>
        <SelectField label={t("qual.templates.locale")} name="locale" defaultValue={v("locale")} errors={errors?.locale}
          options={[{ value: "fr", label: "Français" }, { value: "en", label: "English" }]} />
        <Field label={t("qual.templates.titleField")} name="title" defaultValue={v("title")} errors={errors?.title} maxLength={160} required />
        <Field label={t("qual.templates.need")} hint={t("qual.templates.needHint")} name="need" defaultValue={v("need")} errors={errors?.need} multiline required />
        <Field label={t("qual.templates.verb")} hint={t("qual.templates.verbHint")} name="verb" defaultValue={v("verb")} errors={errors?.verb} maxLength={300} required />
        <Field label={t("qual.templates.behaviours")} hint={t("qual.templates.behavioursHint")} name="behaviours" defaultValue={v("behaviours")} errors={errors?.behaviours} multiline />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label={t("qual.templates.ritual")} name="ritual" defaultValue={v("ritual")} errors={errors?.ritual}
            options={RITUALS.map((r) => ({ value: r, label: t(`qual.ritual.${r}`) }))} />
          <SelectField label={t("qual.templates.cadence")} name="cadence" defaultValue={v("cadence")} errors={errors?.cadence}
            options={CADENCES.map((c) => ({ value: c, label: t(`qual.cadence.${c}`) }))} />
        </div>
      </section>
      <section className="space-y-4" aria-labelledby="tpl-grid">
        <div>
          <h2 id="tpl-grid" className="h2">{t("qual.templates.grid")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("qual.templates.gridHelp")}</p>
        </div>
        {Array.from({ length: TEMPLATE_ROWS }, (_, i) => (
          <fieldset key={i} className="card space-y-3">
            <legend className="px-1 text-sm font-medium text-slate-900">{t("qual.templates.criterion", { n: i + 1 })}</legend>
            <Field label={t("qual.templates.criterionLabel")} name={`criteria.${i}.label`} defaultValue={v(`criteria.${i}.label`)} errors={errors?.[`criteria.${i}.label`]} maxLength={120} />
            <div className="grid gap-3 md:grid-cols-2">
              {LEVELS.map((l) => (
                <Field key={l} label={t(`qual.level.${l}`)} name={`criteria.${i}.${l}`} defaultValue={v(`criteria.${i}.${l}`)} errors={errors?.[`criteria.${i}.${l}`]} maxLength={300} />
              ))}
            </div>
          </fieldset>
        ))}
      </section>
      <div className="flex flex-wrap items-center gap-3">
        <button className="btn-primary" disabled={busy}>{t("qual.templates.save")}</button>
        <Link to="/settings/templates" className="link text-sm">{t("qual.templates.back")}</Link>
      </div>
    </Form>
  );
}
