// The app's email renderer (app/services/email-render.server.ts: one synchronous React render, the text converted
// from its HTML) gives exactly the HTML and the text @react-email/render gives, for every template in both languages,
// with and without the notification footer, and for digests with what escaping and grouping can throw at it.
import { render } from "@react-email/render";
import { createElement, type ComponentType, type ReactElement } from "react";
import { templates, type EmailTemplates } from "../../emails";
import { NotificationLinks } from "../../emails/components/Layout";
import type { NotificationDigestEmailProps } from "../../emails/notification-digest";
import { emailPlainText, renderEmailHtml } from "~/services/email-render.server";

async function expectSame(element: ReactElement) {
  const html = renderEmailHtml(element);
  expect(html).toBe(await render(element));
  expect(emailPlainText(html)).toBe(await render(element, { plainText: true }));
  return html;
}

const notice = { preferencesUrl: "https://portal.example/profile#notifications", unsubscribeUrl: "https://portal.example/unsubscribe/u1.MEETING_BOOKED.sig" };

describe("every template renders as @react-email/render renders it", () => {
  const names = Object.keys(templates) as (keyof EmailTemplates)[];
  it("has preview props for every template (what the comparison renders)", () => {
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) expect(templates[name].component.PreviewProps, name).toBeTruthy();
  });

  for (const name of names) {
    for (const locale of ["en", "fr"] as const) {
      it(`${name}, ${locale}, alone and with the notification footer`, async () => {
        const entry = templates[name];
        const props = { ...entry.component.PreviewProps!, locale } as EmailTemplates[typeof name];
        const element = createElement(entry.component as ComponentType<typeof props>, props);
        const html = await expectSame(element);
        expect(html).toContain(`lang="${locale}"`);
        const withLinks = await expectSame(createElement(NotificationLinks.Provider, { value: notice }, element));
        expect(withLinks).toContain('href="https://portal.example/unsubscribe/u1.MEETING_BOOKED.sig"');
      });
    }
  }
});

describe("the digest, item by item", () => {
  const Digest = templates["notification-digest"].component;
  const item = (i: number, body: string | null) => ({
    title: `Meeting <${i}> booked with "O'Brien" & Co — ${"é".repeat(i % 3)}`,
    body,
    url: `https://portal.example/notifications/n${i}?a=1&b=2`,
  });

  it("many groups, escaped text, items with and without a body, the group of no campaign", async () => {
    for (const locale of ["en", "fr"] as const) {
      const props: NotificationDigestEmailProps = {
        locale,
        agency: "Pipeline & Partners <SAS>",
        count: 23,
        inboxUrl: "https://portal.example/notifications",
        groups: [
          ...Array.from({ length: 4 }, (_, g) => ({
            campaign: `Campaign ${g} "${"x".repeat(g)}"`,
            items: Array.from({ length: 5 }, (_, i) => item(g * 10 + i, i % 2 ? null : `Booked by Hugo for Tuesday ${i} at 10:00 <b>not bold</b>`)),
          })),
          { campaign: "", items: [item(99, "An invoice"), item(98, null), item(97, "")] },
        ],
      };
      const html = await expectSame(createElement(NotificationLinks.Provider, { value: notice }, createElement(Digest, props)));
      expect(html).toContain("Pipeline &amp; Partners &lt;SAS&gt;");
      expect(html).not.toContain("<b>not bold</b>");
    }
  });

  it("one item", async () => {
    await expectSame(
      createElement(Digest, { locale: "en", agency: "A", count: 1, inboxUrl: "https://portal.example/notifications", groups: [{ campaign: "C", items: [item(1, null)] }] }),
    );
  });
});
