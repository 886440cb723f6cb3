// To the AM when the schedule has prepared a report draft: review it, add the commentary, send it.
import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, urlTextStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

export type ReportDraftReadyEmailProps = { locale: Locale; campaign: string; period: string; url: string; agency?: string };

export function subject(p: ReportDraftReadyEmailProps) {
  return makeT(p.locale)("reports.email.draftSubject", { campaign: p.campaign, period: p.period });
}

export default function ReportDraftReadyEmail(p: ReportDraftReadyEmailProps) {
  const t = makeT(p.locale);
  return (
    <EmailLayout locale={p.locale} agency={p.agency ?? "Rendezvous"} preview={subject(p)}>
      <Heading as="h1" style={{ fontSize: 22 }}>{t("reports.email.draftHeading")}</Heading>
      <Text>{t("reports.email.draftBody", { campaign: p.campaign, period: p.period })}</Text>
      <Button href={p.url} style={buttonStyle}>{t("reports.email.draftCta")}</Button>
      <Text style={{ fontSize: 12, color: "#64748b" }}>
        {t("emails.link")} <Link href={p.url} style={urlTextStyle}>{p.url}</Link>
      </Text>
    </EmailLayout>
  );
}

ReportDraftReadyEmail.PreviewProps = {
  locale: "fr",
  campaign: "Directeurs supply chain — Île-de-France",
  period: "1 nov. – 30 nov. 2026",
  url: "http://localhost:3000/campaigns/x/reports/y",
} satisfies ReportDraftReadyEmailProps;
