import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

export type VersionDecidedEmailProps = {
  locale: Locale;
  kind: "persona" | "definition";
  name: string;
  number: number;
  campaign: string;
  decider: string;
  client: string;
  decision: "approve" | "requestChanges";
  comment: string;
  agency: string;
  url: string;
};

function what(p: VersionDecidedEmailProps) {
  const t = makeT(p.locale);
  return p.kind === "persona" ? t("emails.version.persona", { name: p.name, number: p.number }) : t("emails.version.definition", { number: p.number });
}

export function subject(p: VersionDecidedEmailProps) {
  const t = makeT(p.locale);
  return t(p.decision === "approve" ? "emails.decided.approvedSubject" : "emails.decided.changesSubject", { what: what(p), campaign: p.campaign });
}

export default function VersionDecidedEmail(p: VersionDecidedEmailProps) {
  const t = makeT(p.locale);
  const approved = p.decision === "approve";
  return (
    <EmailLayout locale={p.locale} agency={p.agency} preview={subject(p)}>
      <Heading as="h1" style={{ fontSize: 22 }}>{subject(p)}</Heading>
      <Text>{t(approved ? "emails.decided.approvedBody" : "emails.decided.changesBody", { decider: p.decider, client: p.client, what: what(p), campaign: p.campaign })}</Text>
      {p.comment ? (
        <Section style={{ borderLeft: "3px solid #cbd5e1", paddingLeft: 12, margin: "16px 0" }}>
          <Text style={{ margin: 0, fontStyle: "italic" }}>{p.comment}</Text>
        </Section>
      ) : null}
      <Button href={p.url} style={buttonStyle}>{t("emails.decided.cta")}</Button>
      <Text style={{ fontSize: 12, color: "#64748b" }}>
        {t("emails.link")} <Link href={p.url}>{p.url}</Link>
      </Text>
    </EmailLayout>
  );
}

VersionDecidedEmail.PreviewProps = {
  locale: "en",
  kind: "definition",
  name: "",
  number: 1,
  campaign: "CFO outreach — DACH mid-market",
  decider: "Anna Schmidt",
  client: "Nordwind Software",
  decision: "requestChanges",
  comment: "Please make the 12-month timeline criterion optional.",
  agency: "Pipeline Partners",
  url: "http://localhost:3000/campaigns/x/qualification",
} satisfies VersionDecidedEmailProps;
