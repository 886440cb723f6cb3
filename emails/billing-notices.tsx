// The billing emails to the client admins: an invoice was issued, a payment failed. Each in its recipient's
// language, with the amount, the pay link from Stripe and the billing page in the portal.
import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";
import { formatMoney } from "../app/domain/billing/billing";

export type InvoiceEmailProps = {
  locale: Locale;
  agency: string;
  client: string;
  /** "2026-11" */
  period: string;
  number: string | null;
  total: number;
  currency: string;
  meetingCount: number;
  dueDate: string | null;
  payUrl: string | null;
  url: string;
};

function monthOf(locale: Locale, period: string) {
  const [y, m] = period.split("-").map(Number);
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

function Body({ p, heading, body, preview }: { p: InvoiceEmailProps; heading: string; body: string; preview: string }) {
  const t = makeT(p.locale);
  return (
    <EmailLayout locale={p.locale} agency={p.agency} preview={preview}>
      <Heading as="h1" style={{ fontSize: 22 }}>{heading}</Heading>
      <Text>{body}</Text>
      <Text style={{ color: "#475569" }}>
        {t("billing.email.amount", { amount: formatMoney(p.locale, p.total, p.currency) })}
        <br />
        {t("billing.email.meetings", { count: p.meetingCount })}
        {p.dueDate ? (
          <>
            <br />
            {t("billing.email.due", { date: new Intl.DateTimeFormat(p.locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(p.dueDate)) })}
          </>
        ) : null}
      </Text>
      {p.payUrl ? <Button href={p.payUrl} style={buttonStyle}>{t("billing.email.pay")}</Button> : null}
      <Text>
        {t("billing.email.details")} <Link href={p.url}>{p.url}</Link>
      </Text>
    </EmailLayout>
  );
}

export const issuedSubject = (p: InvoiceEmailProps) =>
  makeT(p.locale)("billing.email.issuedSubject", { agency: p.agency, month: monthOf(p.locale, p.period), amount: formatMoney(p.locale, p.total, p.currency) });
export function InvoiceIssuedEmail(p: InvoiceEmailProps) {
  const t = makeT(p.locale);
  return <Body p={p} preview={issuedSubject(p)} heading={t("billing.email.issuedHeading", { month: monthOf(p.locale, p.period) })} body={t("billing.email.issuedBody", { agency: p.agency, client: p.client, number: p.number ?? "" })} />;
}
InvoiceIssuedEmail.PreviewProps = {
  locale: "fr",
  agency: "Pipeline Partners",
  client: "Transports Morel",
  period: "2026-11",
  number: "RDV-0042",
  total: 1_020_000,
  currency: "EUR",
  meetingCount: 18,
  dueDate: "2026-12-31T00:00:00.000Z",
  payUrl: "https://invoice.stripe.com/i/acct_demo/test_42",
  url: "http://localhost:3000/billing/c1",
} satisfies InvoiceEmailProps;

export const failedSubject = (p: InvoiceEmailProps) =>
  makeT(p.locale)("billing.email.failedSubject", { agency: p.agency, month: monthOf(p.locale, p.period) });
export function PaymentFailedEmail(p: InvoiceEmailProps) {
  const t = makeT(p.locale);
  return <Body p={p} preview={failedSubject(p)} heading={t("billing.email.failedHeading")} body={t("billing.email.failedBody", { number: p.number ?? "", month: monthOf(p.locale, p.period) })} />;
}
PaymentFailedEmail.PreviewProps = { ...InvoiceIssuedEmail.PreviewProps, locale: "en" } satisfies InvoiceEmailProps;
