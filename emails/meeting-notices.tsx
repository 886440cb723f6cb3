// The meeting emails: booked (client users), held (client admins), dispute opened (AM), dispute resolved (client
// users and SDR), attendance reminder (client attendee), dispute window closing (client admins). Each is rendered in
// its recipient's language.
import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

type Base = {
  locale: Locale;
  agency: string;
  campaign: string;
  prospect: string;
  company: string;
  /** Already formatted in the meeting's time zone. */
  when: string;
  url: string;
};

export type MeetingBookedEmailProps = Base & { sdr: string };
export type MeetingDisputedEmailProps = Base & { client: string; by: string; criteria: string[] };
export type MeetingResolvedEmailProps = Base & { upheld: boolean; reasoning: string; by: string };
export type MeetingReminderEmailProps = Base;

function Shell({ props, preview, heading, children, cta }: { props: Base; preview: string; heading: string; children: React.ReactNode; cta: string }) {
  const t = makeT(props.locale);
  return (
    <EmailLayout locale={props.locale} agency={props.agency} preview={preview}>
      <Heading as="h1" style={{ fontSize: 22 }}>{heading}</Heading>
      <Text style={{ color: "#475569" }}>
        {props.prospect} · {props.company}
        <br />
        {props.when} · {props.campaign}
      </Text>
      {children}
      <Button href={props.url} style={buttonStyle}>{cta}</Button>
      <Text style={{ fontSize: 12, color: "#64748b" }}>
        {t("emails.link")} <Link href={props.url}>{props.url}</Link>
      </Text>
    </EmailLayout>
  );
}

export const bookedSubject = (p: MeetingBookedEmailProps) => makeT(p.locale)("meetings.email.bookedSubject", { prospect: p.prospect, company: p.company });
export function MeetingBookedEmail(p: MeetingBookedEmailProps) {
  const t = makeT(p.locale);
  return (
    <Shell props={p} preview={bookedSubject(p)} heading={t("meetings.email.bookedHeading")} cta={t("meetings.email.open")}>
      <Text>{t("meetings.email.bookedBody", { sdr: p.sdr, campaign: p.campaign })}</Text>
    </Shell>
  );
}
MeetingBookedEmail.PreviewProps = {
  locale: "fr",
  agency: "Pipeline Partners",
  campaign: "DAF ETI France",
  prospect: "Sophie Laurent",
  company: "Transports Morel",
  when: "mardi 1 décembre 2026 à 10:00 (Europe/Paris)",
  url: "http://localhost:3000/campaigns/c1/meetings/m1",
  sdr: "Hugo Petit",
} satisfies MeetingBookedEmailProps;

export const disputedSubject = (p: MeetingDisputedEmailProps) => makeT(p.locale)("meetings.email.disputedSubject", { client: p.client, prospect: p.prospect });
export function MeetingDisputedEmail(p: MeetingDisputedEmailProps) {
  const t = makeT(p.locale);
  return (
    <Shell props={p} preview={disputedSubject(p)} heading={t("meetings.email.disputedHeading")} cta={t("meetings.email.answer")}>
      <Text>{t("meetings.email.disputedBody", { by: p.by, client: p.client })}</Text>
      <ul>
        {p.criteria.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </Shell>
  );
}
MeetingDisputedEmail.PreviewProps = {
  ...MeetingBookedEmail.PreviewProps,
  client: "Transports Morel",
  by: "Claire Martin",
  criteria: ["Decision maker: the prospect only influences the choice"],
} satisfies MeetingDisputedEmailProps;

export const resolvedSubject = (p: MeetingResolvedEmailProps) =>
  makeT(p.locale)(p.upheld ? "meetings.email.upheldSubject" : "meetings.email.rejectedSubject", { prospect: p.prospect });
export function MeetingResolvedEmail(p: MeetingResolvedEmailProps) {
  const t = makeT(p.locale);
  return (
    <Shell props={p} preview={resolvedSubject(p)} heading={resolvedSubject(p)} cta={t("meetings.email.open")}>
      <Text>{t(p.upheld ? "meetings.email.upheldBody" : "meetings.email.rejectedBody", { by: p.by })}</Text>
      <Text style={{ borderLeft: "3px solid #cbd5e1", paddingLeft: 12, whiteSpace: "pre-line" }}>{p.reasoning}</Text>
    </Shell>
  );
}
MeetingResolvedEmail.PreviewProps = {
  ...MeetingBookedEmail.PreviewProps,
  upheld: false,
  by: "Julie Bernard",
  reasoning: "The call recording (12:40) shows the prospect signs off purchases up to 50 k€.",
} satisfies MeetingResolvedEmailProps;

export const reminderSubject = (p: MeetingReminderEmailProps) => makeT(p.locale)("meetings.email.reminderSubject", { prospect: p.prospect });
export function MeetingReminderEmail(p: MeetingReminderEmailProps) {
  const t = makeT(p.locale);
  return (
    <Shell props={p} preview={reminderSubject(p)} heading={t("meetings.email.reminderHeading")} cta={t("meetings.email.record")}>
      <Text>{t("meetings.email.reminderBody")}</Text>
    </Shell>
  );
}
MeetingReminderEmail.PreviewProps = { ...MeetingBookedEmail.PreviewProps } satisfies MeetingReminderEmailProps;

export type MeetingHeldEmailProps = Base & { due: string };
export const heldSubject = (p: MeetingHeldEmailProps) => makeT(p.locale)("meetings.email.heldSubject", { prospect: p.prospect });
export function MeetingHeldEmail(p: MeetingHeldEmailProps) {
  const t = makeT(p.locale);
  return (
    <Shell props={p} preview={heldSubject(p)} heading={t("meetings.email.heldHeading")} cta={t("meetings.email.review")}>
      <Text>{t("meetings.email.heldBody", { due: p.due })}</Text>
    </Shell>
  );
}
MeetingHeldEmail.PreviewProps = { ...MeetingBookedEmail.PreviewProps, due: "mardi 8 décembre 2026 à 10:00" } satisfies MeetingHeldEmailProps;

/** To the client admins: a held meeting still unreviewed whose dispute window closes within 48 hours. */
export type MeetingWindowClosingEmailProps = Base & { due: string };
export const windowClosingSubject = (p: MeetingWindowClosingEmailProps) => makeT(p.locale)("meetings.email.windowSubject", { prospect: p.prospect });
export function MeetingWindowClosingEmail(p: MeetingWindowClosingEmailProps) {
  const t = makeT(p.locale);
  return (
    <Shell props={p} preview={windowClosingSubject(p)} heading={t("meetings.email.windowHeading")} cta={t("meetings.email.review")}>
      <Text>{t("meetings.email.windowBody", { due: p.due })}</Text>
    </Shell>
  );
}
MeetingWindowClosingEmail.PreviewProps = {
  ...MeetingBookedEmail.PreviewProps,
  due: "mardi 8 décembre 2026 à 10:00 (Europe/Paris)",
} satisfies MeetingWindowClosingEmailProps;

/** To the client attendee and the SDR (issue 9): attendance still missing; the meeting will be presumed held on {due}. */
export type MeetingPresumptionEmailProps = Base & { due: string };
export const presumptionSubject = (p: MeetingPresumptionEmailProps) => makeT(p.locale)("meetings.email.presumptionSubject", { prospect: p.prospect });
export function MeetingPresumptionEmail(p: MeetingPresumptionEmailProps) {
  const t = makeT(p.locale);
  return (
    <Shell props={p} preview={presumptionSubject(p)} heading={t("meetings.email.presumptionHeading")} cta={t("meetings.email.record")}>
      <Text>{t("meetings.email.presumptionBody", { due: p.due })}</Text>
    </Shell>
  );
}
MeetingPresumptionEmail.PreviewProps = { ...MeetingBookedEmail.PreviewProps, due: "mardi 8 décembre 2026 à 10:00" } satisfies MeetingPresumptionEmailProps;

/** To the client admins (issue 9): a client member flags a meeting to them, with a note. */
export type MeetingFlaggedEmailProps = Base & { by: string; note: string };
export const flaggedSubject = (p: MeetingFlaggedEmailProps) => makeT(p.locale)("meetings.email.flaggedSubject", { by: p.by, prospect: p.prospect });
export function MeetingFlaggedEmail(p: MeetingFlaggedEmailProps) {
  const t = makeT(p.locale);
  return (
    <Shell props={p} preview={flaggedSubject(p)} heading={t("meetings.email.flaggedHeading", { by: p.by })} cta={t("meetings.email.review")}>
      <Text style={{ whiteSpace: "pre-line" }}>{p.note}</Text>
    </Shell>
  );
}
MeetingFlaggedEmail.PreviewProps = { ...MeetingBookedEmail.PreviewProps, by: "Sophie Durand", note: "Le prospect n'était pas le bon interlocuteur." } satisfies MeetingFlaggedEmailProps;

/** Issue 9: a CSV import of several meetings is announced once per recipient, not once per row. */
export type MeetingsImportedEmailProps = { locale: Locale; agency: string; campaign: string; count: number; by: string; url: string };
export const importedSubject = (p: MeetingsImportedEmailProps) => makeT(p.locale)("meetings.import.email.subject", { count: p.count, campaign: p.campaign });
export function MeetingsImportedEmail(p: MeetingsImportedEmailProps) {
  const t = makeT(p.locale);
  return (
    <EmailLayout locale={p.locale} agency={p.agency} preview={importedSubject(p)}>
      <Heading as="h1" style={{ fontSize: 22 }}>{t("meetings.import.email.heading")}</Heading>
      <Text>{t("meetings.import.email.body", { by: p.by, count: p.count, campaign: p.campaign })}</Text>
      <Button href={p.url} style={buttonStyle}>{t("meetings.import.email.open")}</Button>
      <Text style={{ fontSize: 12, color: "#64748b" }}>
        {t("emails.link")} <Link href={p.url}>{p.url}</Link>
      </Text>
    </EmailLayout>
  );
}
MeetingsImportedEmail.PreviewProps = {
  locale: "fr",
  agency: "Pipeline Partners",
  campaign: "DAF ETI France",
  count: 12,
  by: "Hugo Petit",
  url: "http://localhost:3000/campaigns/c1/meetings",
} satisfies MeetingsImportedEmailProps;
