import { keyFor } from "~/i18n";
import { useT } from "~/utils/i18n";

const COLORS: Record<string, string> = {
  ON_TRACK: "bg-green-100 text-green-800",
  AT_RISK: "bg-amber-100 text-amber-900",
  OFF_TRACK: "bg-red-100 text-red-800",
  NOT_STARTED: "bg-slate-100 text-slate-700",
  NO_DATA: "bg-slate-100 text-slate-700",
};

export function PaceBadge({ status, final }: { status: string; final?: boolean }) {
  const { t } = useT();
  return (
    <span className={`badge ${COLORS[status] ?? "bg-slate-100"}`}>
      {t(keyFor("objectives.status", status, "common.unknown"))}
      {final ? ` · ${t("objectives.final")}` : ""}
    </span>
  );
}
