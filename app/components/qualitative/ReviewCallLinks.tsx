// "Review this call" on a meeting's page (AM and admin): opens the assessment form of a qualitative objective with
// this meeting as evidence; one link per objective it can be reviewed on.
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

export function ReviewCallLinks({ campaignId, meetingId, objectives }: { campaignId: string; meetingId: string; objectives: { id: string; title: string | null }[] }) {
  const { t } = useT();
  if (!objectives.length) return null;
  const href = (id: string) => `/campaigns/${campaignId}/objectives/qualitative/${id}/assess?meetingId=${encodeURIComponent(meetingId)}`;
  return (
    <div className="flex flex-wrap gap-2">
      {objectives.length === 1 ? (
        <Link to={href(objectives[0]!.id)} className="btn-secondary" aria-label={t("objectives.qual.review.on", { title: objectives[0]!.title ?? "" })}>{t("objectives.qual.review.button")}</Link>
      ) : (
        objectives.map((o) => <Link key={o.id} to={href(o.id)} className="btn-secondary">{t("objectives.qual.review.on", { title: o.title ?? "" })}</Link>)
      )}
    </div>
  );
}
