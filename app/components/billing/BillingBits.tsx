import { formatMoney, type InvoiceStatus } from "~/domain/billing/billing";
import { useT } from "~/utils/i18n";

const TONE: Record<InvoiceStatus, string> = {
  PENDING: "bg-slate-100 text-slate-700",
  DRAFT: "bg-slate-100 text-slate-700",
  OPEN: "bg-amber-100 text-amber-900",
  PAID: "bg-green-100 text-green-800",
  PAYMENT_FAILED: "bg-red-100 text-red-800",
  VOID: "bg-slate-100 text-slate-600",
  UNCOLLECTIBLE: "bg-red-50 text-red-800",
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useT();
  return <span className={`badge ${TONE[status]}`}>{t(`billing.status.${status}`)}</span>;
}

export function Money({ amount, currency }: { amount: number; currency: string }) {
  const { locale } = useT();
  return <span className="whitespace-nowrap tabular-nums">{formatMoney(locale, amount, currency)}</span>;
}

/** "novembre 2026" / "November 2026" */
export function usePeriodLabel() {
  const { locale } = useT();
  return (period: string) => {
    const [y, m] = period.split("-").map(Number);
    return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
  };
}

export function NotConnected() {
  const { t } = useT();
  return (
    <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      {t("billing.notConnected")}
    </p>
  );
}
