import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

export type WebhookDisabledEmailProps = {
  locale: Locale;
  url: string;
  /** Already formatted in the recipient's language. */
  since: string;
  lastError: string | null;
  agency: string;
  pageUrl: string;
};

export function subject(p: WebhookDisabledEmailProps) {
  return makeT(p.locale)("webhooks.email.subject", { url: p.url });
}

/** To the admins of an endpoint's owner (the agency's, or its client company's) when it is disabled after failing for a day. */
export default function WebhookDisabledEmail(p: WebhookDisabledEmailProps) {
  const t = makeT(p.locale);
  return (
    <EmailLayout locale={p.locale} agency={p.agency} preview={subject(p)}>
      <Heading as="h1" style={{ fontSize: 22 }}>{t("webhooks.email.heading")}</Heading>
      <Text>{t("webhooks.email.body", { url: p.url, since: p.since })}</Text>
      {p.lastError ? <Text style={{ fontSize: 13, color: "#475569" }}>{t("webhooks.email.lastError", { error: p.lastError })}</Text> : null}
      <Text>{t("webhooks.email.action")}</Text>
      <Button href={p.pageUrl} style={buttonStyle}>{t("webhooks.email.cta")}</Button>
      <Text style={{ fontSize: 12, color: "#64748b" }}>
        {t("emails.link")} <Link href={p.pageUrl}>{p.pageUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

WebhookDisabledEmail.PreviewProps = {
  locale: "fr",
  url: "https://crm.example.com/hooks/rendezvous",
  since: "2 déc. 2026, 09:14",
  lastError: "HTTP 503",
  agency: "Pipeline Partners",
  pageUrl: "http://localhost:3000/settings/webhooks/x",
} satisfies WebhookDisabledEmailProps;
