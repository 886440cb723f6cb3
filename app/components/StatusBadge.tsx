import type { CampaignStatus } from "~/generated/prisma/enums";
import { useT } from "~/utils/i18n";

const COLORS: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  ACTIVE: "bg-green-100 text-green-800",
  PAUSED: "bg-amber-100 text-amber-800",
  COMPLETED: "bg-blue-100 text-blue-800",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useT();
  return <span className={`badge ${COLORS[status] ?? "bg-slate-100"}`}>{t(`common.status.${status}`)}</span>;
}
