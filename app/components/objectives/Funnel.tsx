import { keyFor } from "~/i18n";
// The campaign funnel: dials -> conversations -> booked -> held -> accepted -> opportunities -> won, with the
// conversion between every two stages, so it shows where the pipeline leaks.
import { useT } from "~/utils/i18n";
import { formatMetric } from "~/domain/objectives/format";

export function Funnel({ stages }: { stages: { stage: string; value: number; conversion: number | null }[] }) {
  const { t, locale } = useT();
  const top = Math.max(1, ...stages.map((s) => s.value));
  return (
    <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7" aria-label={t("objectives.funnel.title")}>
      {stages.map((s) => (
        <li key={s.stage} className="rounded-md border border-slate-200 bg-white p-3">
          <p className="text-xs text-slate-500">{t(keyFor("objectives.funnel", s.stage, "common.unknown"))}</p>
          <p className="text-xl font-semibold text-slate-900">{formatMetric(locale, "count", s.value)}</p>
          <div className="mt-1 h-1.5 rounded bg-slate-100" aria-hidden>
            <div className="h-1.5 rounded bg-brand-500" style={{ width: `${Math.max(2, (s.value / top) * 100)}%` }} />
          </div>
          {s.conversion !== null || stages[0].stage !== s.stage ? (
            <p className="mt-1 text-xs text-slate-600">{t("objectives.funnel.conversion", { rate: formatMetric(locale, "percent", s.conversion) })}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
