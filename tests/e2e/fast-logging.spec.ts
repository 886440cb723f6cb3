// Logging a meeting quickly (issue 9): a practised SDR logs a realistic meeting typing at most 12 fields. What repeats
// comes from their last meeting on the campaign, the company, domain and country from the prospect's email, the
// criteria are ticked from the keyboard, the discovery note is one field with optional headings, and a possible
// duplicate is flagged while the email is typed.
import type { Locator } from "@playwright/test";
import { logMeeting } from "~/models/meetings/logging.server";
import { utcToZonedInput } from "~/domain/shared/timezone";
import { createActiveCampaignWithAgreement, DEFAULT_CRITERIA } from "../factories";
import { expect, prisma, test } from "./fixtures";

test("a practised SDR logs a realistic meeting with at most 12 typed fields", async ({ page, world, login }) => {
  const ag = await createActiveCampaignWithAgreement(world);
  // Their previous meeting on the campaign: 45 minutes by phone, taken by the client member, a prospect in Brussels.
  const previous = await logMeeting(world.sdr, world.campaign.id, {
    personaVersionId: ag.personaVersion.id,
    prospectName: "Paul Martin",
    prospectEmail: "paul.martin@acme-logistique.fr",
    prospectCompany: "Acme Logistique",
    scheduledAt: new Date(Date.now() + 5 * 86400_000),
    timeZone: "Europe/Brussels",
    durationMinutes: 45,
    channel: "PHONE",
    clientAttendeeId: world.clientMember.userId,
    checks: ag.criteria.map((c) => ({ criterionId: c.id, met: true })),
  });
  expect(previous.ok).toBe(true);

  let typed = 0;
  const type = async (field: Locator, value: string) => {
    typed += 1;
    await field.fill(value);
  };

  await login(world.sdr);
  await page.goto(`/campaigns/${world.campaign.id}/meetings/new`);
  await page.waitForLoadState("networkidle");
  // What repeats is already there.
  await expect(page.getByText("Persona, duration, channel, client attendee and time zone repeat your last meeting on this campaign.")).toBeVisible();
  await expect(page.getByLabel("Duration (minutes)", { exact: true })).toHaveValue("45");
  await expect(page.getByLabel("Channel", { exact: true })).toHaveValue("PHONE");
  await expect(page.getByLabel("Client attendee", { exact: true })).toHaveValue(world.clientMember.userId);
  await expect(page.getByLabel("Prospect's time zone", { exact: true })).toHaveValue("Europe/Brussels");

  await type(page.getByLabel("Full name", { exact: true }), "Claire Morel");
  await type(page.getByLabel("Job title", { exact: true }), "Directrice des opérations");
  await type(page.getByLabel("Email", { exact: true }), "claire.morel@acme-logistique.fr");
  // Company, domain and country come from the email; the same company's other contact is flagged as a possible duplicate
  // only when it is the same email, so nothing is flagged here.
  await expect(page.getByLabel("Company", { exact: true })).toHaveValue("Acme Logistique");
  await expect(page.getByLabel("Company domain", { exact: true })).toHaveValue("acme-logistique.fr");
  await expect(page.getByLabel("Country (2 letters)", { exact: true })).toHaveValue("FR");
  await expect(page.getByText("Company, domain and country filled in from the email: check them.")).toBeVisible();
  await expect(page.getByTestId("possible-duplicates")).toHaveCount(0);
  await type(page.getByLabel("Phone", { exact: true }), "+33 6 12 34 56 78");
  await type(page.getByLabel("Company size", { exact: true }), "201-500");
  await type(page.getByLabel("Industry", { exact: true }), "Logistique");
  await type(page.getByLabel("Date and time (prospect's time)", { exact: true }), utcToZonedInput(new Date(Date.now() + 3 * 86400_000), "Europe/Brussels"));
  await type(page.getByLabel("Video link, phone number or address", { exact: true }), "+33 1 23 45 67 89");
  await type(
    page.getByRole("textbox", { name: "Discovery notes", exact: true }),
    "Réduire les kilomètres à vide\nContexte : deux entrepôts, TMS maison\nBudget : 40 k€\nDélai : avant juin",
  );

  // The criteria from the keyboard: focus the first, then its number ticks each one.
  const first = page.getByRole("checkbox", { name: new RegExp(DEFAULT_CRITERIA[0].label.slice(0, 30)) });
  await first.focus();
  for (let i = 1; i <= DEFAULT_CRITERIA.length; i++) await page.keyboard.press(String(i));
  for (const c of DEFAULT_CRITERIA) await expect(page.getByRole("checkbox", { name: new RegExp(c.label.slice(0, 30)) })).toBeChecked();
  await page.keyboard.press("Control+Enter");
  await expect(page.getByText("Meeting logged.")).toBeVisible();
  expect(typed).toBeLessThanOrEqual(12);

  const m = await prisma.meeting.findFirstOrThrow({
    where: { campaignId: world.campaign.id, prospectEmail: "claire.morel@acme-logistique.fr" },
    include: { checks: true },
  });
  expect({
    company: m.prospectCompany,
    domain: m.prospectDomain,
    country: m.prospectCountry,
    duration: m.durationMinutes,
    channel: m.channel,
    attendee: m.clientAttendeeId,
    zone: m.timeZone,
    need: m.discoveryNeed,
    context: m.discoveryContext,
    budget: m.discoveryBudget,
    timeline: m.discoveryTimeline,
    met: m.checks.filter((c) => c.met).length,
  }).toEqual({
    company: "Acme Logistique",
    domain: "acme-logistique.fr",
    country: "FR",
    duration: 45,
    channel: "PHONE",
    attendee: world.clientMember.userId,
    zone: "Europe/Brussels",
    need: "Réduire les kilomètres à vide",
    context: "deux entrepôts, TMS maison",
    budget: "40 k€",
    timeline: "avant juin",
    met: DEFAULT_CRITERIA.length,
  });
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });
  test("the same prospect's email is flagged as a possible duplicate while it is typed", async ({ page, world, login }) => {
    const ag = await createActiveCampaignWithAgreement(world);
    await prisma.user.update({ where: { id: world.sdr.userId }, data: { locale: "fr" } });
    await logMeeting(world.sdr, world.campaign.id, {
      personaVersionId: ag.personaVersion.id,
      prospectName: "Paul Martin",
      prospectEmail: "paul.martin@acme-logistique.fr",
      prospectCompany: "Acme Logistique",
      scheduledAt: new Date(Date.now() + 5 * 86400_000),
      timeZone: "Europe/Paris",
      durationMinutes: 30,
      channel: "VIDEO",
      checks: [],
      confirmWarnings: true,
    });
    await login(world.sdr);
    await page.goto(`/campaigns/${world.campaign.id}/meetings/new`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("E-mail", { exact: true }).pressSequentially("Paul.Martin@acme-logistique.fr", { delay: 10 });
    const box = page.getByTestId("possible-duplicates");
    await expect(box).toContainText("Déjà enregistré sur cette campagne avec cet e-mail");
    await expect(box.getByRole("link", { name: /Paul Martin/ })).toBeVisible();
    // Another prospect: the warning goes away.
    await page.getByLabel("E-mail", { exact: true }).fill("claire.morel@acme-logistique.fr");
    await expect(box).toHaveCount(0);
  });
});
