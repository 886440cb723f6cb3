import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** A client's action items in one campaign, from `meetingActionsByCampaign(actor)`. */
type CampaignItems = { id: string; name: string; attendance: number; toReview: number; windowClosingSoon: boolean };

/**
 * The meetings' action items for a home page: meetings past their time without attendance, held meetings waiting
 * for the client's review, disputes waiting for the agency. Feed it `meetingActionCounts(actor)`; the agency's items
 * link to the cross-campaign list, a client's to each campaign's Meetings tab, filtered (`campaigns`).
 * The links are underlined: in amber or red text, their colour alone does not tell them apart (WCAG 1.4.1).
 */
export function MeetingActionItems({ counts, agency, campaigns = [] }: { counts: { attendance: number; toReview: number; disputes: number }; agency: boolean; campaigns?: CampaignItems[] }) {
  const { t } = useT();
  if (!counts.attendance && !counts.toReview && !counts.disputes) return null;
  const base = agency ? "/meetings" : null;
  const toReview = agency ? [] : campaigns.filter((c) => c.toReview);
  const attendance = agency ? [] : campaigns.filter((c) => c.attendance);
  return (
    <ul aria-label={t("meetings.title")} className="space-y-2">
      {counts.attendance ? (
        <li className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          <p>
            {t("meetings.needsAttendanceCount", { count: counts.attendance })}{" "}
            {base ? <Link to={`${base}?attention=attendance`} className="link underline">{t("meetings.needsAttendance")}</Link> : null}
          </p>
          {attendance.length ? (
            <ul className="mt-1 space-y-1">
              {attendance.map((c) => (
                <li key={c.id}>
                  <Link to={`/campaigns/${c.id}/meetings?attention=attendance`} className="link underline">{t("meetings.campaignAttendance", { campaign: c.name, count: c.attendance })}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ) : null}
      {counts.toReview ? (
        <li className="rounded-md border border-blue-200 bg-blue-50 px-4 py-2 text-sm text-blue-900">
          <p>{t("meetings.toReviewCount", { count: counts.toReview })}</p>
          {toReview.length ? (
            <ul className="mt-1 space-y-1">
              {toReview.map((c) => (
                <li key={c.id}>
                  <Link to={`/campaigns/${c.id}/meetings?status=HELD&verdict=PENDING`} className="link underline">{t("meetings.campaignToReview", { campaign: c.name, count: c.toReview })}</Link>
                  {c.windowClosingSoon ? <span className="font-medium"> · {t("meetings.windowClosingSoon")}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ) : null}
      {counts.disputes ? (
        <li className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
          {t("meetings.disputesCount", { count: counts.disputes })}{" "}
          {base ? <Link to={`${base}?verdict=DISPUTED`} className="link underline">{t("meetings.verdict.DISPUTED")}</Link> : null}
        </li>
      ) : null}
    </ul>
  );
}
