import { useT } from "~/utils/i18n";
import type { MeetingView } from "./types";

/** The qualified-meeting criteria of the version the meeting was booked under, as the SDR checked them. */
export function Checklist({ m }: { m: MeetingView }) {
  const { t } = useT();
  return (
  <section className="card space-y-2">
    <h3 className="h2">{t("meetings.checklist")}</h3>
    {m.unmetRequiredConfirmed ? <p className="text-sm text-amber-800">{t("meetings.unmetConfirmed")}</p> : null}
    {m.imported && !m.checks.length ? <p className="text-sm text-slate-600" data-testid="imported-checklist">{t("meetings.importedChecklist")}</p> : null}
    <ul className="divide-y divide-slate-100 text-sm">
      {m.checks.map((c) => (
        <li key={c.id} className="py-2">
          <span className={`badge mr-2 ${c.met ? "bg-green-100 text-green-800" : "bg-red-100 text-red-800"}`}>{c.met ? t("meetings.met") : t("meetings.unmet")}</span>
          <span className="font-medium">{c.criterion.label}</span>
          {c.criterion.required ? <span className="ml-1 text-xs text-slate-500">({t("meetings.form.required")})</span> : null}
          {c.note ? <p className="mt-1 text-slate-600">{c.note}</p> : null}
          {c.evidenceUrl ? (
            <p className="mt-1"><a href={c.evidenceUrl} className="link" rel="noreferrer noopener" target="_blank">{t("meetings.evidence")}</a></p>
          ) : null}
        </li>
      ))}
    </ul>
  </section>
  );
}
