// A calendar invitation: the meeting booked, rescheduled or cancelled, with its .ics attached (METHOD:REQUEST or
// CANCEL) so the recipient's calendar adds or updates the same event. Sent to the client attendee, and to the prospect
// when the campaign says so (without a link into the portal).
import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

export type MeetingInvitationEmailProps = {
  locale: Locale;
  agency: string;
  kind: "booked" | "rescheduled" | "cancelled";
  /** The event's title, as in the attachment. */
  summary: string;
  /** Already formatted in the meeting's time zone. */
  when: string;
  campaign: string;
  /** The meeting in the portal; none for the prospect. */
  url: string | null;
  prospect: boolean;
};

const SUBJECT = { booked: "calendar.invite.subjectBooked", rescheduled: "calendar.invite.subjectRescheduled", cancelled: "calendar.invite.subjectCancelled" } as const;
const HEADING = { booked: "calendar.invite.headingBooked", rescheduled: "calendar.invite.headingRescheduled", cancelled: "calendar.invite.headingCancelled" } as const;
const PROSPECT = { booked: "calendar.invite.prospectBooked", rescheduled: "calendar.invite.prospectRescheduled", cancelled: "calendar.invite.prospectCancelled" } as const;

export const subject = (p: MeetingInvitationEmailProps) => makeT(p.locale)(SUBJECT[p.kind], { summary: p.summary });

export default function MeetingInvitationEmail(p: MeetingInvitationEmailProps) {
  const t = makeT(p.locale);
  return (
    <EmailLayout locale={p.locale} agency={p.agency} preview={subject(p)}>
      <Heading as="h1" style={{ fontSize: 22 }}>{p.prospect ? p.summary : t(HEADING[p.kind])}</Heading>
      <Text style={{ color: "#475569" }}>
        {p.summary}
        <br />
        {p.when}
        {p.prospect ? null : <> · {p.campaign}</>}
      </Text>
      <Text>{p.prospect ? t(PROSPECT[p.kind]) : t(p.kind === "cancelled" ? "calendar.invite.bodyCancelled" : "calendar.invite.body")}</Text>
      {p.url ? (
        <>
          <Button href={p.url} style={buttonStyle}>{t("meetings.email.open")}</Button>
          <Text style={{ fontSize: 12, color: "#64748b" }}>
            {t("emails.link")} <Link href={p.url}>{p.url}</Link>
          </Text>
        </>
      ) : null}
    </EmailLayout>
  );
}
MeetingInvitationEmail.PreviewProps = {
  locale: "fr",
  agency: "Pipeline Partners",
  kind: "booked",
  summary: "Rendez-vous : Sophie Laurent (Transports Morel)",
  when: "mardi 8 décembre 2026 à 10:00 (Europe/Paris)",
  campaign: "DAF ETI France",
  url: "http://localhost:3000/campaigns/c1/meetings/m1",
  prospect: false,
} satisfies MeetingInvitationEmailProps;
