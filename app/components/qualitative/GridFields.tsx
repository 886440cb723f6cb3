// The evaluation grid's rows in a form: each criterion (a behaviour) with its four described levels, plus spare
// empty rows so a criterion can be added without a script. Errors sit next to the field they are about.
import { useId } from "react";
import { useT } from "~/utils/i18n";
import { LEVELS, type Criterion } from "~/domain/qualitative/grid";
import { SPARE_CRITERIA } from "~/domain/qualitative/schemas";
import { ErrorList } from "~/components/forms/Field";

type Props = { criteria: Criterion[]; values?: Record<string, string>; errors?: Record<string, string[]> };

export function GridFields({ criteria, values, errors }: Props) {
  const { t } = useT();
  // After a failed submit, the rows come back as typed (their count too).
  const typedRows = values ? Math.max(0, ...Object.keys(values).map((k) => /^criteria\.(\d+)\./.exec(k)).filter(Boolean).map((m) => Number(m![1]) + 1)) : 0;
  const count = Math.max(criteria.length + SPARE_CRITERIA, typedRows);
  return (
    <fieldset className="space-y-4">
      <legend className="text-base font-semibold text-slate-900">{t("objectives.qual.grid.title")}</legend>
      <p className="text-sm text-slate-600">{t("objectives.qual.grid.help")}</p>
      <ErrorList errors={errors?.grid} />
      {Array.from({ length: count }, (_, i) => (
        <CriterionRow key={i} index={i} criterion={criteria[i]} values={values} errors={errors} spare={i >= criteria.length} />
      ))}
    </fieldset>
  );
}

function CriterionRow({ index, criterion, values, errors, spare }: { index: number; criterion?: Criterion; values?: Record<string, string>; errors?: Record<string, string[]>; spare: boolean }) {
  const { t } = useT();
  const id = useId();
  const name = (f: string) => `criteria.${index}.${f}`;
  const value = (f: string, fallback: string) => (values ? values[name(f)] ?? "" : fallback);
  const titleId = `${id}-title`;
  const field = (f: string, label: string, fallback: string, multiline = false) => {
    const errs = errors?.[name(f)];
    const fid = `${id}-${f}`;
    // Every row has the same labels: the accessible name starts with the row's title ("Criterion 2 Behaviour observed")
    // so a screen reader, and a test, can tell one row's fields from another's.
    const common = { id: fid, name: name(f), defaultValue: value(f, fallback), className: "input", "aria-labelledby": `${titleId} ${fid}-label`, "aria-invalid": errs?.length ? true : undefined, "aria-describedby": errs?.length ? `${fid}-error` : undefined, maxLength: f === "label" ? 200 : 500 };
    return (
      <div>
        <label id={`${fid}-label`} htmlFor={fid} className="block text-xs font-medium text-slate-700">{label}</label>
        <div className="mt-1">{multiline ? <textarea rows={2} {...common} /> : <input {...common} />}</div>
        <ErrorList id={`${fid}-error`} errors={errs} />
      </div>
    );
  };
  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-3">
      <p id={titleId} className="text-sm font-medium text-slate-800">{spare ? t("objectives.qual.grid.newCriterion") : t("objectives.qual.grid.criterion", { n: index + 1 })}</p>
      <input type="hidden" name={name("key")} value={value("key", criterion?.key ?? "")} />
      {field("label", t("objectives.qual.grid.label"), criterion?.label ?? "")}
      <div className="grid gap-3 sm:grid-cols-2">
        {LEVELS.map((l) => field(l, t("objectives.qual.grid.levelLabel", { level: t(`objectives.qual.level.${l}`) }), criterion?.levels[l] ?? "", true))}
      </div>
    </div>
  );
}
