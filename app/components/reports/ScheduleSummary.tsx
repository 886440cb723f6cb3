import { useT } from "~/utils/i18n";
import { keyFor } from "~/i18n";

export type ScheduleView = { cadence: "WEEKLY" | "MONTHLY"; weekday: number | null; monthDay: number | null; time: string; autoSend: boolean; paused: boolean };

export function ScheduleSummary({ schedule: s }: { schedule: ScheduleView }) {
  const { t } = useT();
  const what =
    s.cadence === "WEEKLY"
      ? t("reports.schedule.summaryWeekly", { weekday: t(keyFor("reports.weekday", String(s.weekday ?? 7), "common.unknown")), time: s.time })
      : t("reports.schedule.summaryMonthly", { day: s.monthDay ?? 1, time: s.time });
  return (
    <p className="text-sm text-slate-700">
      {what} · {s.autoSend ? t("reports.schedule.auto") : t("reports.schedule.reviewFirst")}
      {s.paused ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{t("reports.schedule.pausedBadge")}</span> : null}
    </p>
  );
}
