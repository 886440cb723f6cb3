import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** Failed payments and overdue invoices, on the agency home (admin and AM). Nothing when there are none. */
export function BillingActionItems({ counts }: { counts: { failed: number; overdue: number } }) {
  const { t } = useT();
  if (!counts.failed && !counts.overdue) return null;
  return (
    <section aria-label={t("billing.failedPayments")} className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <ul className="space-y-1">
        {counts.failed ? <li>{t("billing.home.failed", { count: counts.failed })}</li> : null}
        {counts.overdue ? <li>{t("billing.home.overdue", { count: counts.overdue })}</li> : null}
      </ul>
      <Link to="/billing" className="link mt-1 inline-block underline">{t("billing.home.link")}</Link>
    </section>
  );
}
