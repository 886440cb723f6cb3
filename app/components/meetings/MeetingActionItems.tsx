import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/**
 * The meetings' action items for a home page: meetings past their time without attendance, held meetings waiting
 * for the client's review, disputes waiting for the agency. Feed it `meetingActionCounts(actor)`.
 */
export function MeetingActionItems({ counts, agency }: { counts: { attendance: number; toReview: number; disputes: number }; agency: boolean }) {
  const { t } = useT();
  if (!counts.attendance && !counts.toReview && !counts.disputes) return null;
  const base = agency ? "/meetings" : null;
  return (
    <ul aria-label={t("meetings.title")} className="space-y-2">
      {counts.attendance ? (
        <li className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {t("meetings.needsAttendanceCount", { count: counts.attendance })}{" "}
          {base ? <Link to={`${base}?attention=attendance`} className="link">{t("meetings.needsAttendance")}</Link> : null}
        </li>
      ) : null}
      {counts.toReview ? <li className="rounded-md border border-blue-200 bg-blue-50 px-4 py-2 text-sm text-blue-900">{t("meetings.toReviewCount", { count: counts.toReview })}</li> : null}
      {counts.disputes ? (
        <li className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
          {t("meetings.disputesCount", { count: counts.disputes })}{" "}
          {base ? <Link to={`${base}?verdict=DISPUTED`} className="link">{t("meetings.verdict.DISPUTED")}</Link> : null}
        </li>
      ) : null}
    </ul>
  );
}
