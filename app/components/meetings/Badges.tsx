import type { MeetingStatus, Verdict } from "~/domain/meetings/rules";
import { useT } from "~/utils/i18n";

const STATUS: Record<string, string> = {
  SCHEDULED: "bg-blue-100 text-blue-800",
  HELD: "bg-green-100 text-green-800",
  NO_SHOW: "bg-amber-100 text-amber-800",
  CANCELLED: "bg-slate-100 text-slate-600",
};
const VERDICT: Record<string, string> = {
  PENDING: "bg-slate-100 text-slate-600",
  ACCEPTED: "bg-green-100 text-green-800",
  DISPUTED: "bg-red-100 text-red-800",
  DISPUTE_UPHELD: "bg-slate-200 text-slate-700",
  DISPUTE_REJECTED: "bg-amber-100 text-amber-800",
};

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useT();
  return <span className={`badge ${STATUS[status] ?? ""}`}>{t(`meetings.status.${status}`)}</span>;
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useT();
  return <span className={`badge ${VERDICT[verdict] ?? ""}`}>{t(`meetings.verdict.${verdict}`)}</span>;
}
