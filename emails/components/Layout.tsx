import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { createContext, useContext, type ReactNode } from "react";
import { makeT, type Locale } from "../../app/i18n";

/** Set around a notification email (never a security email): its links to the preferences and to unsubscribe from its kind. */
export const NotificationLinks = createContext<{ preferencesUrl: string; unsubscribeUrl?: string } | null>(null);

export function EmailLayout({ locale, preview, agency, children }: { locale: Locale; preview: string; agency: string; children: ReactNode }) {
  const t = makeT(locale);
  const links = useContext(NotificationLinks);
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "Helvetica, Arial, sans-serif", color: "#1e293b" }}>
        <Container style={{ maxWidth: 560, margin: "24px auto", backgroundColor: "#ffffff", borderRadius: 8, padding: 32, border: "1px solid #e2e8f0" }}>
          <Text style={{ fontSize: 18, fontWeight: 700, color: "#182b66", margin: 0 }}>Rendezvous</Text>
          <Section style={{ marginTop: 16 }}>{children}</Section>
          <Hr style={{ borderColor: "#e2e8f0", marginTop: 32 }} />
          <Text style={{ fontSize: 12, color: "#64748b" }}>{t("emails.footer", { agency })}</Text>
          {links && (
            <Text style={{ fontSize: 12, color: "#64748b" }}>
              <Link href={links.preferencesUrl}>{t("notifications.email.preferences")}</Link>
              {links.unsubscribeUrl ? <> · <Link href={links.unsubscribeUrl}>{t("notifications.email.unsubscribe")}</Link></> : null}
            </Text>
          )}
        </Container>
      </Body>
    </Html>
  );
}

/** A bare URL in an email's text: long enough to widen the whole email on a phone unless it may break anywhere. */
export const urlTextStyle = { wordBreak: "break-all", overflowWrap: "anywhere" } as const;

export const buttonStyle = {
  backgroundColor: "#2a55e0",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: 6,
  fontWeight: 600,
  textDecoration: "none",
  display: "inline-block",
} as const;
