import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

export type RitualDueEmailProps = {
  locale: Locale;
  agency: string;
  campaign: string;
  objective: string;
  /** Already in the recipient's language. */
  ritual: string;
  scope: string;
  date: string;
  overdue: boolean;
  url: string;
};

export function subject(p: RitualDueEmailProps) {
  return makeT(p.locale)("qual.rituals.email.subject", { ritual: p.ritual, objective: p.objective });
}

/** To the ritual's owner (and the SDR of an individual objective) when a qualitative objective's ritual is due, once per due date. */
export default function RitualDueEmail(p: RitualDueEmailProps) {
  const t = makeT(p.locale);
  return (
    <EmailLayout locale={p.locale} agency={p.agency} preview={subject(p)}>
      <Heading as="h1" style={{ fontSize: 22 }}>{t("qual.rituals.email.heading")}</Heading>
      <Text>{t("qual.rituals.email.body", { ritual: p.ritual, objective: p.objective, scope: p.scope, campaign: p.campaign, date: p.date })}</Text>
      {p.overdue ? <Text>{t("qual.rituals.email.overdue")}</Text> : null}
      <Button href={p.url} style={buttonStyle}>{t("qual.rituals.email.cta")}</Button>
      <Text style={{ fontSize: 12, color: "#64748b" }}>
        {t("emails.link")} <Link href={p.url}>{p.url}</Link>
      </Text>
    </EmailLayout>
  );
}

RitualDueEmail.PreviewProps = {
  locale: "fr",
  agency: "Pipeline Partners",
  campaign: "Directeurs supply chain — Île-de-France",
  objective: "Pratiquer l'écoute active à chaque appel",
  ritual: "Écoute d'appel",
  scope: "équipe",
  date: "3 décembre 2026",
  overdue: true,
  url: "http://localhost:3000/campaigns/x/objectives/y",
} satisfies RitualDueEmailProps;
