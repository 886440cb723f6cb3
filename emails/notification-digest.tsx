// The daily digest: what happened since the last one, grouped per campaign, in the recipient's language. Sent only
// when there is something (app/models/notifications/digest.server.ts).
import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/Layout";
import { makeT, type Locale } from "../app/i18n";

export type NotificationDigestEmailProps = {
  locale: Locale;
  agency: string;
  count: number;
  /** One group per campaign ("" for what is about no campaign), each item already in the recipient's language. */
  groups: { campaign: string; items: { title: string; body: string | null; url: string }[] }[];
  inboxUrl: string;
};

export function subject(p: NotificationDigestEmailProps) {
  return makeT(p.locale)("notifications.digest.subject", { count: p.count });
}

export default function NotificationDigestEmail(p: NotificationDigestEmailProps) {
  const t = makeT(p.locale);
  return (
    <EmailLayout locale={p.locale} agency={p.agency} preview={subject(p)}>
      <Heading as="h1" style={{ fontSize: 22 }}>{t("notifications.digest.heading")}</Heading>
      <Text style={{ color: "#475569" }}>{t("notifications.digest.intro", { count: p.count })}</Text>
      {p.groups.map((g) => (
        <Section key={g.campaign} style={{ marginTop: 16 }}>
          <Heading as="h2" style={{ fontSize: 16, margin: "0 0 4px" }}>{g.campaign || t("notifications.digest.other")}</Heading>
          {g.items.map((item, i) => (
            <Text key={i} style={{ margin: "6px 0" }}>
              <Link href={item.url} style={{ fontWeight: 600 }}>{item.title}</Link>
              {item.body ? <><br /><span style={{ color: "#475569" }}>{item.body}</span></> : null}
            </Text>
          ))}
        </Section>
      ))}
      <Section style={{ marginTop: 24 }}>
        <Button href={p.inboxUrl} style={buttonStyle}>{t("notifications.digest.open")}</Button>
      </Section>
    </EmailLayout>
  );
}

NotificationDigestEmail.PreviewProps = {
  locale: "fr",
  agency: "Pipeline Partners",
  count: 3,
  groups: [
    {
      campaign: "DAF ETI France",
      items: [
        { title: "Rendez-vous pris avec Sophie Laurent (Transports Morel)", body: "Hugo Petit l’a pris sur DAF ETI France pour le mardi 1 décembre 2026 à 10:00.", url: "http://localhost:3000/notifications/n1" },
        { title: "Rendez-vous pris avec Marc Petit (Alpha SA)", body: null, url: "http://localhost:3000/notifications/n2" },
      ],
    },
    { campaign: "DSI Benelux", items: [{ title: "Version 2 de Persona DSI à valider", body: "Claire l’a proposée sur DSI Benelux.", url: "http://localhost:3000/notifications/n3" }] },
  ],
  inboxUrl: "http://localhost:3000/notifications",
} satisfies NotificationDigestEmailProps;
