import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

export type VersionProposedEmailProps = {
  locale: Locale;
  kind: "persona" | "definition";
  name: string;
  number: number;
  campaign: string;
  proposer: string;
  agency: string;
  url: string;
};

function what(p: VersionProposedEmailProps) {
  const t = makeT(p.locale);
  return p.kind === "persona" ? t("emails.version.persona", { name: p.name, number: p.number }) : t("emails.version.definition", { number: p.number });
}

export function subject(p: VersionProposedEmailProps) {
  return makeT(p.locale)("emails.proposed.subject", { what: what(p), campaign: p.campaign });
}

export default function VersionProposedEmail(p: VersionProposedEmailProps) {
  const t = makeT(p.locale);
  return (
    <EmailLayout locale={p.locale} agency={p.agency} preview={subject(p)}>
      <Heading as="h1" style={{ fontSize: 22 }}>{t("emails.proposed.heading")}</Heading>
      <Text>{t("emails.proposed.body", { proposer: p.proposer, what: what(p), campaign: p.campaign })}</Text>
      <Text>{t("emails.proposed.action")}</Text>
      <Button href={p.url} style={buttonStyle}>{t("emails.proposed.cta")}</Button>
      <Text style={{ fontSize: 12, color: "#64748b" }}>
        {t("emails.link")} <Link href={p.url}>{p.url}</Link>
      </Text>
    </EmailLayout>
  );
}

VersionProposedEmail.PreviewProps = {
  locale: "fr",
  kind: "persona",
  name: "Directeur supply chain ETI",
  number: 2,
  campaign: "Directeurs supply chain — Île-de-France",
  proposer: "Claire Martin",
  agency: "Pipeline Partners",
  url: "http://localhost:3000/campaigns/x/targeting/y",
} satisfies VersionProposedEmailProps;
