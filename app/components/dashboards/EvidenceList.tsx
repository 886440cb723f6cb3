// The persona evidence in sentences (the findings of app/models/dashboards/evidence.server.ts), in the reader's
// language: on the Targeting tab, and beside a persona version started from it.
import { keyFor } from "~/i18n";
import { useT } from "~/utils/i18n";
import { formatMetric } from "~/domain/objectives/format";
import type { Evidence } from "~/models/dashboards/evidence.server";

export function EvidenceList({ evidence }: { evidence: Evidence }) {
  const { t, locale } = useT();
  const pct = (n: number) => formatMetric(locale, "percent", n);
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-600">{t("dashboards.evidence.intro", { decided: evidence.decided, accepted: evidence.accepted, disputed: evidence.disputed })}</p>
      {evidence.findings.length === 0 ? (
        <p className="text-slate-600">{t("dashboards.evidence.none")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-slate-900">
          {evidence.findings.map((f, i) => (
            <li key={i}>
              {f.kind === "field"
                ? t("dashboards.evidence.field", {
                    field: t(keyFor("dashboards.evidence", f.field, "common.unknown")),
                    bestRate: pct(f.best.rate), bestValue: f.best.value, bestTotal: f.best.total,
                    worstRate: pct(f.worst.rate), worstValue: f.worst.value, worstTotal: f.worst.total,
                  })
                : t("dashboards.evidence.titles", { without: f.without, of: f.of, criterion: f.criterion, word: f.word })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
