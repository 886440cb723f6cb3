// Email templates render in both languages: subject, body and link, with no key or placeholder left over.
import { render } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import { templates } from "../../emails";
import InvitationEmail, { subject as invitationSubject, type InvitationEmailProps } from "../../emails/invitation";
import PasswordResetEmail, { subject as resetSubject, type PasswordResetEmailProps } from "../../emails/password-reset";
import type { Locale } from "~/i18n";

async function both<P extends object>(component: ComponentType<P>, props: P) {
  const element = createElement(component, props);
  return { html: await render(element), text: await render(element, { plainText: true }) };
}

function leftovers(text: string) {
  return [...text.matchAll(/\{\w+\}|\bemails\.[\w.]+|\bcommon\.[\w.]+/g)].map((m) => m[0]);
}

describe("invitation email", () => {
  const base: Omit<InvitationEmailProps, "locale"> = {
    inviter: "Claire Martin",
    organization: "Acme Logistique",
    agency: "Pipeline Partners",
    role: "CLIENT_ADMIN",
    url: "https://portal.example/invitations/tok123",
    expiresAt: "2026-12-01T10:00:00.000Z",
  };

  it("in English", async () => {
    const props = { ...base, locale: "en" as const };
    expect(invitationSubject(props)).toBe("Claire Martin invites you to Acme Logistique on Rendezvous");
    const { html, text } = await both(InvitationEmail, props);
    expect(html).toContain('lang="en"');
    expect(html).toContain('href="https://portal.example/invitations/tok123"');
    expect(text).toContain("Claire Martin invited you to join Acme Logistique on Rendezvous as Client admin.");
    expect(text).toContain("Accept the invitation");
    expect(text).toContain("1 December 2026");
    expect(text).toContain("https://portal.example/invitations/tok123");
    expect(text).toContain("the client portal of Pipeline Partners");
    expect(leftovers(text)).toEqual([]);
  });

  it("in French", async () => {
    const props = { ...base, locale: "fr" as const };
    expect(invitationSubject(props)).toBe("Claire Martin vous invite à rejoindre Acme Logistique sur Rendezvous");
    const { html, text } = await both(InvitationEmail, props);
    expect(html).toContain('lang="fr"');
    expect(text).toContain("Claire Martin vous invite à rejoindre Acme Logistique sur Rendezvous en tant que Admin client".slice(0, 60));
    expect(text).toContain("Accepter l'invitation");
    expect(text).toContain("1 décembre 2026");
    expect(text).toContain("https://portal.example/invitations/tok123");
    expect(text).toContain("le portail client de Pipeline Partners");
    expect(text).not.toContain("Accept the invitation");
    expect(leftovers(text)).toEqual([]);
  });
});

describe("password reset email", () => {
  const base: Omit<PasswordResetEmailProps, "locale"> = {
    email: "claire@acme.example",
    agency: "Pipeline Partners",
    url: "https://portal.example/reset-password/tok456",
  };

  it.each([
    ["en", "Reset your Rendezvous password", "Choose a new password", "asked to reset the password of claire@acme.example"],
    ["fr", "Réinitialisez votre mot de passe Rendezvous", "Choisir un nouveau mot de passe", "réinitialiser le mot de passe de claire@acme.example"],
  ] as const)("in %s", async (locale, subject, cta, body) => {
    const props = { ...base, locale };
    expect(resetSubject(props)).toBe(subject);
    const { html, text } = await both(PasswordResetEmail, props);
    expect(html).toContain(`lang="${locale}"`);
    expect(html).toContain('href="https://portal.example/reset-password/tok456"');
    expect(text).toContain(cta);
    expect(text).toContain(body);
    expect(leftovers(text)).toEqual([]);
  });
});

describe("every registered template", () => {
  const entries = Object.entries(templates) as [string, { component: ComponentType<Record<string, unknown>> & { PreviewProps?: Record<string, unknown> }; subject: (p: Record<string, unknown>) => string }][];

  it.each(entries.map(([name, entry]) => [name, entry] as const))("%s renders its preview in English and French", async (name, entry) => {
    const preview = entry.component.PreviewProps;
    expect(preview, `${name} has no PreviewProps`).toBeDefined();
    const out: Record<Locale, { subject: string; text: string }> = {} as never;
    for (const locale of ["en", "fr"] as const) {
      const props = { ...preview, locale };
      const { html, text } = await both(entry.component, props);
      expect(html).toContain(`lang="${locale}"`);
      expect(leftovers(text), `${name} ${locale}`).toEqual([]);
      out[locale] = { subject: entry.subject(props), text };
    }
    for (const locale of ["en", "fr"] as const) expect(out[locale].subject, `${name} ${locale} subject`).not.toMatch(/^[a-z]+(\.\w+)+$/);
    expect(out.fr.subject).not.toBe(out.en.subject);
    expect(out.fr.text).not.toBe(out.en.text);
    expect(out.fr.text).toMatch(/Vous recevez cet e-mail/);
    expect(out.en.text).toMatch(/You receive this email/);
  });
});
