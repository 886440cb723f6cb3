import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

export type PasswordResetEmailProps = { locale: Locale; email: string; agency: string; url: string };

export function subject({ locale }: PasswordResetEmailProps) {
  return makeT(locale)("emails.reset.subject");
}

export default function PasswordResetEmail({ locale, email, agency, url }: PasswordResetEmailProps) {
  const t = makeT(locale);
  return (
    <EmailLayout locale={locale} agency={agency} preview={t("emails.reset.preview")}>
      <Heading as="h1" style={{ fontSize: 22 }}>{t("emails.reset.heading")}</Heading>
      <Text>{t("emails.reset.body", { email })}</Text>
      <Button href={url} style={buttonStyle}>{t("emails.reset.cta")}</Button>
      <Text style={{ fontSize: 13, color: "#475569" }}>{t("emails.reset.ignore")}</Text>
      <Text style={{ fontSize: 12, color: "#64748b" }}>
        {t("emails.link")} <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  locale: "en",
  email: "claire@acme.example",
  agency: "Pipeline Partners",
  url: "http://localhost:3000/reset-password/preview-token",
} satisfies PasswordResetEmailProps;
