import { Heading, Text } from "@react-email/components";
import { EmailLayout } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

export type AccessDeactivatedEmailProps = { locale: Locale; by: string; organization: string; agency: string };

export function subject({ locale, organization }: AccessDeactivatedEmailProps) {
  return makeT(locale)("emails.deactivated.subject", { organization });
}

/** A security email: always sent at once, whatever the member's notification choices. */
export default function AccessDeactivatedEmail({ locale, by, organization, agency }: AccessDeactivatedEmailProps) {
  const t = makeT(locale);
  return (
    <EmailLayout locale={locale} agency={agency} preview={t("emails.deactivated.preview", { organization })}>
      <Heading as="h1" style={{ fontSize: 22 }}>{t("emails.deactivated.heading")}</Heading>
      <Text>{t("emails.deactivated.body", { by, organization, agency })}</Text>
      <Text style={{ fontSize: 13, color: "#475569" }}>{t("emails.deactivated.help", { by, organization })}</Text>
    </EmailLayout>
  );
}

AccessDeactivatedEmail.PreviewProps = {
  locale: "fr",
  by: "Sophie Durand",
  organization: "Acme Logistique",
  agency: "Pipeline Partners",
} satisfies AccessDeactivatedEmailProps;
