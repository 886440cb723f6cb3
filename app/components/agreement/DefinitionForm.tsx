import { Form, Link, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { ErrorList, Field, FormError, SelectField } from "~/components/forms/Field";
import { CHANNELS, NO_SHOW_POLICIES } from "~/domain/agreement/lifecycle";
import { useT } from "~/utils/i18n";

export type CriterionRow = { key: string; label: string; helpText: string; required: boolean };
export type DefinitionFormValues = {
  disputeWindowDays: string;
  noShowPolicy: string;
  minDurationMinutes: string;
  allowedChannels: string[];
  minLeadTimeHours: string;
  notes: string;
  attendanceRuleHours: string;
  windowsInBusinessDays: boolean;
  criteria: CriterionRow[];
};

export const EMPTY_DEFINITION: DefinitionFormValues = {
  disputeWindowDays: "7",
  noShowPolicy: "NOT_BILLED_REBOOKED",
  minDurationMinutes: "30",
  allowedChannels: ["VIDEO", "PHONE"],
  minLeadTimeHours: "24",
  notes: "",
  attendanceRuleHours: "48",
  windowsInBusinessDays: false,
  criteria: [],
};

/** Typed values from a refused submission: criteria rows rebuilt from criteria.N.* fields. */
export function definitionValuesFromFailure(values: Record<string, string>): DefinitionFormValues {
  const rows = new Map<number, CriterionRow>();
  for (const [k, v] of Object.entries(values)) {
    const m = /^criteria\.(\d+)\.(key|label|helpText|required)$/.exec(k);
    if (!m) continue;
    const row = rows.get(Number(m[1])) ?? { key: "", label: "", helpText: "", required: false };
    if (m[2] === "required") row.required = true;
    else row[m[2] as "key" | "label" | "helpText"] = v;
    rows.set(Number(m[1]), row);
  }
  return {
    disputeWindowDays: values.disputeWindowDays ?? "",
    noShowPolicy: values.noShowPolicy ?? "",
    minDurationMinutes: values.minDurationMinutes ?? "",
    allowedChannels: values.allowedChannels ? values.allowedChannels.split(",") : [],
    minLeadTimeHours: values.minLeadTimeHours ?? "",
    notes: values.notes ?? "",
    attendanceRuleHours: values.attendanceRuleHours ?? "",
    windowsInBusinessDays: values.windowsInBusinessDays === "on",
    criteria: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r),
  };
}

let rowSeq = 0;
type Row = CriterionRow & { uid: number };

export function DefinitionForm({
  values,
  errors,
  baseVersionId,
  revision,
  cancelHref,
}: {
  values: DefinitionFormValues;
  errors?: Record<string, string[]>;
  baseVersionId?: string;
  revision?: number;
  cancelHref: string;
}) {
  const { t } = useT();
  const navigation = useNavigation();
  const [rows, setRows] = useState<Row[]>(() =>
    (values.criteria.length ? values.criteria : [{ key: "", label: "", helpText: "", required: true }]).map((c) => ({ ...c, uid: ++rowSeq })),
  );
  const move = (i: number, d: number) =>
    setRows((r) => {
      const j = i + d;
      if (j < 0 || j >= r.length) return r;
      const copy = [...r];
      [copy[i], copy[j]] = [copy[j], copy[i]];
      return copy;
    });
  return (
    <Form method="post" className="space-y-6" noValidate>
      <FormError errors={errors} />
      {baseVersionId ? <input type="hidden" name="baseVersionId" value={baseVersionId} /> : null}
      <input type="hidden" name="revision" value={revision ?? 0} />
      <fieldset className="card space-y-4">
        <legend className="h2">{t("agreement.criteria")}</legend>
        <p className="text-sm text-slate-600">{t("agreement.criteriaHelp")}</p>
        <ErrorList errors={errors?.criteria} />
        <ol className="space-y-4">
          {rows.map((row, i) => (
            <li key={row.uid} className="rounded-md border border-slate-200 p-3" aria-label={t("agreement.criterion.n", { n: i + 1 })}>
              <input type="hidden" name={`criteria.${i}.key`} value={row.key} />
              <div className="grid gap-3 md:grid-cols-[1fr_1fr_auto]">
                <Field label={t("agreement.criterion.labelN", { n: i + 1 })} name={`criteria.${i}.label`} defaultValue={row.label} maxLength={200} errors={errors?.[`criteria.${i}.label`]} />
                <Field label={t("agreement.criterion.helpTextN", { n: i + 1 })} name={`criteria.${i}.helpText`} defaultValue={row.helpText} maxLength={500} errors={errors?.[`criteria.${i}.helpText`]} />
                <div className="flex items-end gap-2 pb-1">
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name={`criteria.${i}.required`} defaultChecked={row.required} className="h-4 w-4 rounded border-slate-300" />
                    {t("agreement.criterion.required")}
                  </label>
                </div>
              </div>
              <div className="mt-2 flex gap-2 text-xs">
                <button type="button" className="link" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t("agreement.criterion.up", { n: i + 1 })}>↑</button>
                <button type="button" className="link" onClick={() => move(i, 1)} disabled={i === rows.length - 1} aria-label={t("agreement.criterion.down", { n: i + 1 })}>↓</button>
                <button type="button" className="text-red-700 hover:underline" onClick={() => setRows((r) => r.filter((x) => x.uid !== row.uid))} aria-label={t("agreement.criterion.remove", { n: i + 1 })}>
                  {t("agreement.criterion.removeShort")}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" className="btn-secondary" onClick={() => setRows((r) => [...r, { key: "", label: "", helpText: "", required: true, uid: ++rowSeq }])}>
          {t("agreement.criterion.add")}
        </button>
      </fieldset>
      <fieldset className="card space-y-4">
        <legend className="h2">{t("agreement.rules")}</legend>
        <div className="grid gap-4 md:grid-cols-3">
          <Field label={t("agreement.rule.disputeWindowDays")} name="disputeWindowDays" type="number" defaultValue={values.disputeWindowDays} errors={errors?.disputeWindowDays} />
          <Field label={t("agreement.rule.minDurationMinutes")} name="minDurationMinutes" type="number" defaultValue={values.minDurationMinutes} errors={errors?.minDurationMinutes} />
          <Field label={t("agreement.rule.minLeadTimeHours")} name="minLeadTimeHours" type="number" defaultValue={values.minLeadTimeHours} errors={errors?.minLeadTimeHours} />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            label={t("agreement.rule.attendanceRuleHours")}
            name="attendanceRuleHours"
            type="number"
            hint={t("agreement.rule.attendanceRuleHelp")}
            defaultValue={values.attendanceRuleHours}
            errors={errors?.attendanceRuleHours}
          />
          <div>
            <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
              <input type="checkbox" name="windowsInBusinessDays" defaultChecked={values.windowsInBusinessDays} className="h-4 w-4 rounded border-slate-300" aria-describedby="windows-business-help" />
              {t("agreement.rule.windowsInBusinessDays")}
            </label>
            <p id="windows-business-help" className="mt-1 text-xs text-slate-500">{t("agreement.rule.windowsInBusinessDaysHelp")}</p>
          </div>
        </div>
        <SelectField
          label={t("agreement.rule.noShowPolicy")}
          name="noShowPolicy"
          options={NO_SHOW_POLICIES.map((p) => ({ value: p, label: t(`agreement.noShow.${p}`) }))}
          defaultValue={values.noShowPolicy}
          errors={errors?.noShowPolicy}
        />
        <fieldset>
          <legend className="block text-sm font-medium text-slate-700">{t("agreement.rule.allowedChannels")}</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {CHANNELS.map((c) => (
              <label key={c} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="allowedChannels" value={c} defaultChecked={values.allowedChannels.includes(c)} className="h-4 w-4 rounded border-slate-300" />
                {t(`agreement.channel.${c}`)}
              </label>
            ))}
          </div>
          <ErrorList errors={errors?.allowedChannels ?? errors?.["allowedChannels.0"]} />
        </fieldset>
        <Field label={t("agreement.rule.notes")} name="notes" multiline maxLength={2000} defaultValue={values.notes} errors={errors?.notes} />
      </fieldset>
      <div className="flex gap-3">
        <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("agreement.saveDraft")}</button>
        <Link to={cancelHref} className="btn-secondary">{t("common.cancel")}</Link>
      </div>
    </Form>
  );
}
