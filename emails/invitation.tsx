import { DEFAULT_TIME_ZONE } from "~/domain/shared/timezone";
import type { Role } from "~/domain/shared/permissions";
import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/Layout";
import { formatDate, makeT, type Locale } from "../app/i18n";

export type InvitationEmailProps = {
  locale: Locale;
  inviter: string;
  organization: string;
  agency: string;
  role: Role;
  url: string;
  expiresAt: string;
};

export function subject({ locale, inviter, organization }: InvitationEmailProps) {
  return makeT(locale)("emails.invitation.subject", { inviter, organization });
}

export default function InvitationEmail(props: InvitationEmailProps) {
  const { locale, inviter, organization, agency, role, url, expiresAt } = props;
  const t = makeT(locale);
  const roleLabel = t(`common.role.${role}`);
  return (
    <EmailLayout locale={locale} agency={agency} preview={t("emails.invitation.preview", { organization })}>
      <Heading as="h1" style={{ fontSize: 22 }}>{t("emails.invitation.heading", { organization })}</Heading>
      <Text>{t("emails.invitation.body", { inviter, organization, role: roleLabel })}</Text>
      <Button href={url} style={buttonStyle}>{t("emails.invitation.cta")}</Button>
      <Text style={{ fontSize: 13, color: "#475569" }}>{t("emails.invitation.expires", { date: formatDate(locale, expiresAt, { dateStyle: "long", timeZone: DEFAULT_TIME_ZONE }) })}</Text>
      <Text style={{ fontSize: 12, color: "#64748b" }}>
        {t("emails.link")} <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  locale: "fr",
  inviter: "Claire Martin",
  organization: "Acme Logistique",
  agency: "Pipeline Partners",
  role: "CLIENT_ADMIN",
  url: "http://localhost:3000/invitations/preview-token",
  expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
} satisfies InvitationEmailProps;
