// Whether a qualitative objective is animated: the ritual's state (upcoming, due, overdue) and "not animated" once
// two rituals went by with nothing held.
import { useT } from "~/utils/i18n";
import { formatDay } from "~/domain/objectives/format";
import type { RitualStatus } from "~/domain/qualitative/rituals";

export function RitualBadge({ status }: { status: RitualStatus }) {
  const { t, locale } = useT();
  const date = formatDay(locale, status.due);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {status.notAnimated ? (
        <span className="badge bg-red-100 text-red-800">{t("objectives.qual.notAnimated")}</span>
      ) : (
        <span className="badge bg-green-100 text-green-800">{t("objectives.qual.animated")}</span>
      )}
      <span className={`text-xs ${status.state === "overdue" ? "font-medium text-red-700" : status.state === "due" ? "font-medium text-amber-800" : "text-slate-600"}`}>
        {status.state === "overdue" ? t("objectives.qual.overdueSince", { date }) : status.state === "due" ? t("objectives.qual.dueOn", { date }) : t("objectives.qual.nextDue", { date })}
      </span>
    </span>
  );
}
