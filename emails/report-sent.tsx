// A campaign report, to each chosen client contact in their own language: the key figures of the period with their
// change, what the AM wrote first, and the link to the full report in the portal (charts, comments, PDF).
import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, urlTextStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

export type ReportSentEmailProps = {
  locale: Locale;
  campaign: string;
  client: string;
  agency: string;
  /** Already formatted in the recipient's language. */
  period: string;
  figures: { label: string; value: string; change: string | null }[];
  url: string;
  /** What changed, when this report corrects a sent one. */
  correctionNote: string | null;
  /** A corrected version's figures that differ from the first version's, already formatted. */
  changes?: { label: string; from: string; to: string }[];
  /** A test send to the AM alone. */
  test: boolean;
  /** The attached PDF's file name, when the agency attaches it. */
  attachment?: string | null;
};

export function subject(p: ReportSentEmailProps) {
  const t = makeT(p.locale);
  const s = t(p.correctionNote !== null ? "reports.email.subjectCorrected" : "reports.email.subject", { campaign: p.campaign, period: p.period });
  return p.test ? `[${t("reports.email.testTag")}] ${s}` : s;
}

export default function ReportSentEmail(p: ReportSentEmailProps) {
  const t = makeT(p.locale);
  return (
    <EmailLayout locale={p.locale} agency={p.agency} preview={subject(p)}>
      {p.test ? <Text style={{ color: "#b45309", fontWeight: 600 }}>{t("reports.email.testNotice")}</Text> : null}
      <Heading as="h1" style={{ fontSize: 22 }}>{t("reports.email.heading", { campaign: p.campaign })}</Heading>
      <Text>{t("reports.email.body", { agency: p.agency, client: p.client, period: p.period })}</Text>
      {p.correctionNote !== null ? (
        <Text style={{ backgroundColor: "#fef3c7", padding: 12, borderRadius: 6 }}>
          {t("reports.email.corrected")} {p.correctionNote}
        </Text>
      ) : null}
      {p.correctionNote !== null && p.changes?.length ? (
        <Section>
          <Text style={{ margin: "0 0 4px", fontWeight: 600 }}>{t("reports.changes.title")}</Text>
          {p.changes.map((c) => (
            <Text key={c.label} style={{ margin: "0 0 2px", fontSize: 14 }}>
              {t("reports.changes.line", { label: c.label, from: c.from, to: c.to })}
            </Text>
          ))}
        </Section>
      ) : null}
      <Section style={{ margin: "16px 0" }}>
        <table role="presentation" cellPadding={0} cellSpacing={0} style={{ width: "100%", borderCollapse: "collapse" }}>
          <tbody>
            {p.figures.map((f) => (
              <tr key={f.label}>
                <td style={{ padding: "6px 0", borderBottom: "1px solid #e2e8f0", color: "#475569" }}>{f.label}</td>
                <td style={{ padding: "6px 0", borderBottom: "1px solid #e2e8f0", textAlign: "right", fontWeight: 700 }}>{f.value}</td>
                <td style={{ padding: "6px 0 6px 12px", borderBottom: "1px solid #e2e8f0", textAlign: "right", color: "#64748b", fontSize: 13 }}>
                  {f.change ? t("reports.email.change", { change: f.change }) : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Button href={p.url} style={buttonStyle}>{t("reports.email.cta")}</Button>
      {p.attachment ? <Text style={{ fontSize: 13, color: "#475569" }}>{t("reports.email.attached", { file: p.attachment })}</Text> : null}
      <Text style={{ fontSize: 12, color: "#64748b" }}>
        {t("emails.link")} <Link href={p.url} style={urlTextStyle}>{p.url}</Link>
      </Text>
    </EmailLayout>
  );
}

ReportSentEmail.PreviewProps = {
  locale: "fr",
  campaign: "Directeurs supply chain — Île-de-France",
  client: "Acme Logistique",
  agency: "Pipeline Partners",
  period: "1 nov. – 30 nov. 2026",
  figures: [
    { label: "Rendez-vous pris", value: "24", change: "+20 %" },
    { label: "Rendez-vous tenus", value: "19", change: "+12 %" },
    { label: "Rendez-vous acceptés", value: "17", change: "+6 %" },
    { label: "Taux d'acceptation", value: "89,5 %", change: "−3,1 pts" },
  ],
  url: "http://localhost:3000/campaigns/x/reports/y",
  correctionNote: null,
  test: false,
} satisfies ReportSentEmailProps;
