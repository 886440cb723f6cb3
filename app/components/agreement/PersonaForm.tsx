import { Form, Link, useNavigation } from "@remix-run/react";
import { Field, ErrorList, FormError } from "~/components/forms/Field";
import { SENIORITIES } from "~/domain/agreement/lifecycle";
import { useT } from "~/utils/i18n";

export type PersonaFormValues = {
  name?: string;
  jobTitles?: string;
  seniorities?: string[];
  departments?: string;
  industries?: string;
  companySizeMin?: string;
  companySizeMax?: string;
  geographies?: string;
  exclusions?: string;
  pains?: string;
  pitch?: string;
  notes?: string;
};

/** A version's content as the form shows it (lists one per line). */
export function personaFormValues(v: {
  name: string; jobTitles: string[]; seniorities: string[]; departments: string[]; industries: string[]; companySizeMin: number | null;
  companySizeMax: number | null; geographies: string[]; exclusions: string[]; pains: string; pitch: string; notes: string;
}): PersonaFormValues {
  return {
    name: v.name,
    jobTitles: v.jobTitles.join("\n"),
    seniorities: v.seniorities,
    departments: v.departments.join("\n"),
    industries: v.industries.join("\n"),
    companySizeMin: v.companySizeMin?.toString() ?? "",
    companySizeMax: v.companySizeMax?.toString() ?? "",
    geographies: v.geographies.join("\n"),
    exclusions: v.exclusions.join("\n"),
    pains: v.pains,
    pitch: v.pitch,
    notes: v.notes,
  };
}

/** Typed values coming back from a refused submission (seniorities arrive comma-joined). */
export function valuesFromFailure(values: Record<string, string>): PersonaFormValues {
  return { ...values, seniorities: values.seniorities ? values.seniorities.split(",") : [] };
}

export function PersonaForm({
  values,
  errors,
  baseVersionId,
  revision,
  cancelHref,
  submitLabel,
}: {
  values: PersonaFormValues;
  errors?: Record<string, string[]>;
  baseVersionId?: string;
  revision?: number;
  cancelHref: string;
  submitLabel: string;
}) {
  const { t } = useT();
  const navigation = useNavigation();
  const lines = t("agreement.onePerLine");
  return (
    <Form method="post" className="card space-y-5" noValidate>
      <FormError errors={errors} />
      {baseVersionId ? <input type="hidden" name="baseVersionId" value={baseVersionId} /> : null}
      <input type="hidden" name="revision" value={revision ?? 0} />
      <Field label={t("agreement.persona.name")} name="name" required maxLength={120} defaultValue={values.name} errors={errors?.name} />
      <div className="grid gap-5 md:grid-cols-2">
        <Field label={t("agreement.persona.jobTitles")} name="jobTitles" multiline hint={lines} defaultValue={values.jobTitles} errors={errors?.jobTitles} />
        <fieldset>
          <legend className="block text-sm font-medium text-slate-700">{t("agreement.persona.seniorities")}</legend>
          <div className="mt-2 grid grid-cols-2 gap-2">
            {SENIORITIES.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="seniorities" value={s} defaultChecked={values.seniorities?.includes(s)} className="h-4 w-4 rounded border-slate-300" />
                {t(`agreement.seniority.${s}`)}
              </label>
            ))}
          </div>
          <ErrorList errors={errors?.seniorities ?? errors?.["seniorities.0"]} />
        </fieldset>
        <Field label={t("agreement.persona.departments")} name="departments" multiline hint={lines} defaultValue={values.departments} errors={errors?.departments} />
        <Field label={t("agreement.persona.industries")} name="industries" multiline hint={lines} defaultValue={values.industries} errors={errors?.industries} />
        <Field label={t("agreement.persona.companySizeMin")} name="companySizeMin" type="number" defaultValue={values.companySizeMin} errors={errors?.companySizeMin} />
        <Field label={t("agreement.persona.companySizeMax")} name="companySizeMax" type="number" defaultValue={values.companySizeMax} errors={errors?.companySizeMax} />
        <Field label={t("agreement.persona.geographies")} name="geographies" multiline hint={lines} defaultValue={values.geographies} errors={errors?.geographies} />
        <Field label={t("agreement.persona.exclusions")} name="exclusions" multiline hint={t("agreement.exclusionsHint")} defaultValue={values.exclusions} errors={errors?.exclusions} />
      </div>
      <Field label={t("agreement.persona.pains")} name="pains" multiline maxLength={2000} defaultValue={values.pains} errors={errors?.pains} />
      <Field label={t("agreement.persona.pitch")} name="pitch" multiline maxLength={4000} defaultValue={values.pitch} errors={errors?.pitch} />
      <Field label={t("agreement.persona.notes")} name="notes" multiline maxLength={2000} defaultValue={values.notes} errors={errors?.notes} />
      <div className="flex gap-3">
        <button className="btn-primary" disabled={navigation.state === "submitting"}>{submitLabel}</button>
        <Link to={cancelHref} className="btn-secondary">{t("common.cancel")}</Link>
      </div>
    </Form>
  );
}
