import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

export type ObjectiveOffTrackEmailProps = {
  locale: Locale;
  campaign: string;
  metric: string;
  scope: string;
  /** Already formatted in the recipient's language. */
  actual: string;
  expected: string;
  target: string;
  period: string;
  agency: string;
  url: string;
};

export function subject(p: ObjectiveOffTrackEmailProps) {
  return makeT(p.locale)("objectives.email.subject", { metric: p.metric, campaign: p.campaign });
}

/** To the campaign's AM when an objective turns off track (once per objective and period). */
export default function ObjectiveOffTrackEmail(p: ObjectiveOffTrackEmailProps) {
  const t = makeT(p.locale);
  return (
    <EmailLayout locale={p.locale} agency={p.agency} preview={subject(p)}>
      <Heading as="h1" style={{ fontSize: 22 }}>{t("objectives.email.heading")}</Heading>
      <Text>{t("objectives.email.body", { metric: p.metric, scope: p.scope, campaign: p.campaign, period: p.period })}</Text>
      <Text>{t("objectives.email.numbers", { actual: p.actual, expected: p.expected, target: p.target })}</Text>
      <Text>{t("objectives.email.action")}</Text>
      <Button href={p.url} style={buttonStyle}>{t("objectives.email.cta")}</Button>
      <Text style={{ fontSize: 12, color: "#64748b" }}>
        {t("emails.link")} <Link href={p.url}>{p.url}</Link>
      </Text>
    </EmailLayout>
  );
}

ObjectiveOffTrackEmail.PreviewProps = {
  locale: "fr",
  campaign: "Directeurs supply chain — Île-de-France",
  metric: "Rendez-vous acceptés",
  scope: "l'équipe",
  actual: "6",
  expected: "11,3",
  target: "20",
  period: "1 déc. – 31 déc. 2026",
  agency: "Pipeline Partners",
  url: "http://localhost:3000/campaigns/x/objectives/y",
} satisfies ObjectiveOffTrackEmailProps;
