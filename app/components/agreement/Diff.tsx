import type { CriterionDiff, FieldDiff } from "~/domain/agreement/lifecycle";
import { useT } from "~/utils/i18n";
import { isMessageKey, keyFor, type TFunction } from "~/i18n";

/** A field's value as people read it: lists as bullet items, enums translated, empty as a dash. */
function Value({ field, value, other, side }: { field: string; value: FieldDiff["before"]; other: FieldDiff["before"]; side: "before" | "after" }) {
  const { t } = useT();
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return <span className="text-slate-500">—</span>;
  if (Array.isArray(value)) {
    const otherSet = new Set(Array.isArray(other) ? other : []);
    return (
      <ul className="space-y-0.5">
        {value.map((item) => {
          const marked = other !== null && !otherSet.has(item);
          return (
            <li key={item} className={marked ? (side === "after" ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900 line-through") : ""}>
              {marked ? <span className="sr-only">{side === "after" ? t("agreement.diff.added") : t("agreement.diff.removed")}: </span> : null}
              {enumLabel(t, field, item)}
            </li>
          );
        })}
      </ul>
    );
  }
  if (typeof value === "boolean") return <span>{value ? t("agreement.rule.yes") : t("agreement.rule.no")}</span>;
  return <span className="whitespace-pre-line">{enumLabel(t, field, String(value))}</span>;
}

function enumLabel(t: TFunction, field: string, value: string) {
  const family = field === "seniorities" ? "agreement.seniority" : field === "allowedChannels" ? "agreement.channel" : field === "noShowPolicy" ? "agreement.noShow" : null;
  if (!family) return value;
  const key = `${family}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

/**
 * Side-by-side comparison, field by field: what the client approved before, and this version. On a phone each field
 * is a card, the two versions one under the other, each named (table-cards, issue 9).
 */
export function FieldDiffTable({ rows, beforeLabel, afterLabel, fieldPrefix }: { rows: FieldDiff[]; beforeLabel: string | null; afterLabel: string; fieldPrefix: string }) {
  const { t } = useT();
  return (
    <div className="overflow-x-auto">
      <table className="table table-cards table-cards-stacked md:table-fixed" aria-label={t("agreement.diff.title")}>
        <thead>
          <tr>
            <th className="w-44">{t("agreement.diff.field")}</th>
            {beforeLabel ? <th>{beforeLabel}</th> : null}
            <th>{afterLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} className={beforeLabel && r.changed ? "bg-amber-50/60" : ""}>
              <th scope="row" className="font-medium text-slate-700">
                {t(keyFor(fieldPrefix, r.field, "agreement.diff.field"))}
                {beforeLabel && r.changed ? <span className="badge ml-2 bg-amber-100 text-amber-800">{t("agreement.diff.changed")}</span> : null}
              </th>
              {beforeLabel ? (
                <td data-label={beforeLabel}><Value field={r.field} value={r.before} other={r.after} side="before" /></td>
              ) : null}
              <td data-label={beforeLabel ? afterLabel : undefined}><Value field={r.field} value={r.after} other={beforeLabel ? r.before : null} side="after" /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const CHANGE_COLORS: Record<CriterionDiff["change"], string> = {
  added: "bg-green-100 text-green-800",
  removed: "bg-red-100 text-red-800",
  changed: "bg-amber-100 text-amber-800",
  same: "bg-slate-100 text-slate-600",
};

/** Criteria compared by key: added, removed, changed (what changed), unchanged. */
export function CriteriaDiffTable({ rows, compare }: { rows: CriterionDiff[]; compare: boolean }) {
  const { t } = useT();
  return (
    <div className="overflow-x-auto">
      <table className="table table-cards" aria-label={t("agreement.criteria")}>
        <thead>
          <tr>
            <th>{t("agreement.criterion.label")}</th>
            <th>{t("agreement.criterion.helpText")}</th>
            <th>{t("agreement.criterion.required")}</th>
            {compare ? <th>{t("agreement.diff.change")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const c = r.after ?? r.before!;
            const removed = r.change === "removed";
            return (
              <tr key={r.key} className={removed ? "text-slate-500 line-through" : ""}>
                <td className="font-medium">
                  {c.label}
                  {r.fields.includes("label") && r.before ? <span className="block text-xs font-normal text-slate-500 line-through">{r.before.label}</span> : null}
                </td>
                <td className="text-slate-600" data-label={t("agreement.criterion.helpText")}>
                  {c.helpText || "—"}
                  {r.fields.includes("helpText") && r.before ? <span className="block text-xs text-slate-500 line-through">{r.before.helpText || "—"}</span> : null}
                </td>
                <td>
                  {c.required ? t("agreement.criterion.requiredYes") : t("agreement.criterion.requiredNo")}
                  {r.fields.includes("required") && r.before ? <span className="block text-xs text-slate-500 line-through">{r.before.required ? t("agreement.criterion.requiredYes") : t("agreement.criterion.requiredNo")}</span> : null}
                </td>
                {compare ? (
                  <td data-label={t("agreement.diff.change")}><span className={`badge ${CHANGE_COLORS[r.change]}`}>{t(`agreement.diff.${r.change}`)}</span></td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
