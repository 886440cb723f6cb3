// Objectives as people use them: the AM sets a team objective and splits it by maturity, an SDR records a week of
// activity and logs a meeting, the pace moves, the objective is at risk, the AM records a gap analysis, and the
// client admin reads it all in French (without the individual objectives).
import { setCampaignSdrs } from "~/models/campaign.server";
import { addDays, startOfWeek, todayIn } from "~/domain/objectives/dates";
import { workingDays } from "~/domain/objectives/pace";
import { utcToZonedInput } from "~/domain/shared/timezone";
import { createActiveCampaignWithAgreement, createMember, DEFAULT_CRITERIA } from "../factories";
import { expect, prisma, test, screenshot } from "./fixtures";

test.use({ timezoneId: "Europe/Paris" });

test("objective lifecycle: create, split, activity, meeting, at risk, gap analysis, client in French", async ({ page, world, login }) => {
  test.setTimeout(120_000);
  await createActiveCampaignWithAgreement(world);
  const ramping = await createMember(world.agency.id, "SDR", { name: "Rémi Novice" });
  await setCampaignSdrs(world.am, world.campaign.id, [world.sdr.userId, ramping.userId]);
  const today = todayIn("Europe/Paris");
  const start = addDays(today, -14);
  const end = addDays(today, 14);
  await prisma.campaign.update({ where: { id: world.campaign.id }, data: { startDate: new Date(`${start}T00:00:00Z`), endDate: new Date(`${end}T00:00:00Z`) } });
  // A target the SDR's week of 5 x 80 dials reaches at about 87 % of the expected pace: at risk.
  const elapsed = workingDays(start, addDays(today, -1));
  const total = workingDays(start, end);
  const target = Math.round((400 * total) / elapsed / 0.87);
  const base = `/campaigns/${world.campaign.id}`;

  // The AM: maturity, then a team objective.
  await login(world.am);
  await page.goto(`${base}/objectives`);
  await page.getByRole("link", { name: "Objectives", exact: true }).waitFor();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save the maturity of Rémi Novice" }) });
  await form.getByRole("combobox", { name: "Maturity" }).selectOption("RAMPING");
  await form.getByRole("button", { name: "Save the maturity of Rémi Novice" }).click();
  await expect(page.getByText("Maturity saved.")).toBeVisible();
  await page.getByRole("link", { name: "New objective" }).click();
  await page.getByLabel("Metric", { exact: true }).selectOption("DIALS");
  await page.getByLabel("Target", { exact: true }).fill("abc");
  await shots(page, "objective-form-en");
  await page.getByLabel("Period", { exact: true }).selectOption("CAMPAIGN");
  await page.getByLabel("Strategic stake").selectOption("GROWTH");
  await page.getByRole("button", { name: "Create the objective" }).click();
  await expect(page.getByText("Enter a number.")).toBeVisible();
  await expect(page.getByLabel("Strategic stake")).toHaveValue("GROWTH");
  await page.getByLabel("Target", { exact: true }).fill(String(target));
  await page.getByLabel("Why (the stake in words)").fill("Open 30 new logistics accounts this quarter");
  await page.getByRole("button", { name: "Create the objective" }).click();
  await expect(page.getByRole("heading", { name: "Dials" })).toBeVisible();
  await expect(page.getByText("Off track").first()).toBeVisible();

  // Split by maturity: the ramping SDR gets less; the sum is shown against the team target.
  await page.getByRole("link", { name: "Split among the SDRs" }).click();
  await expect(page.getByText(`Sum of the individual targets: ${target}, team target: ${target}.`)).toBeVisible();
  const rampingTarget = Number(await page.getByLabel("Target for Rémi Novice").inputValue());
  const otherTarget = Number(await page.getByLabel(`Target for ${world.sdr.name}`).inputValue());
  expect(rampingTarget).toBeLessThan(otherTarget);
  await page.getByRole("button", { name: "Create the individual objectives" }).click();
  await expect(page.getByText("Individual objectives created.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Individual objectives (agency only)" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Rémi Novice" })).toBeVisible();

  // The SDR records last week's activity with the keyboard, then logs a meeting.
  await login(world.sdr);
  await page.goto("/home");
  await page.getByRole("link", { name: `Record my activity on ${world.campaign.name}` }).click();
  await page.getByRole("link", { name: "Previous week" }).click();
  const monday = addDays(startOfWeek(today), -7);
  await expect(page.getByText(/Week of/)).toBeVisible();
  const first = page.locator(`input[name="${monday}.dials"]`);
  await first.fill("80");
  for (let i = 1; i < 5; i += 1) {
    await page.keyboard.press("ArrowDown");
    await page.keyboard.type("80");
  }
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Activity saved.")).toBeVisible();
  await expect(page.locator(`input[name="${addDays(monday, 4)}.dials"]`)).toHaveValue("80");
  await expect(page.locator(`input[name="${addDays(monday, 4)}.conversations"]`)).toHaveValue("3");
  await page.locator(`input[name="${monday}.dials"]`).fill("-3");
  await page.keyboard.press("Enter");
  await expect(page.getByText("A count cannot be negative.")).toBeVisible();
  await expect(page.locator(`input[name="${monday}.dials"]`)).toHaveValue("-3");
  await shots(page, "activity-en");

  await page.goto(`${base}/meetings`);
  await page.getByRole("link", { name: "Log a meeting" }).click();
  await page.getByLabel("Full name").fill("Sophie Laurent");
  await page.getByLabel("Email").fill("sophie.laurent@morel.test");
  await page.getByLabel("Company", { exact: true }).fill("Transports Morel");
  await page.getByLabel("Date and time (prospect's time)").fill(utcToZonedInput(new Date(Date.now() + 3 * 86400_000), "Europe/Paris"));
  await page.getByLabel("Prospect's time zone").fill("Europe/Paris");
  await page.getByLabel("Duration (minutes)").fill("45");
  for (const c of DEFAULT_CRITERIA) await page.getByRole("checkbox", { name: new RegExp(c.label.slice(0, 30)) }).check();
  await page.getByRole("textbox", { name: "Discovery notes", exact: true }).fill("Month-end close takes two weeks");
  await page.getByRole("textbox", { name: "Discovery notes", exact: true }).press("Control+Enter");
  await expect(page.getByRole("heading", { name: "Sophie Laurent" })).toBeVisible();
  // The SDR sees the team objective and their own, with the pace moved.
  await page.goto(`${base}/objectives`);
  await expect(page.getByRole("cell", { name: "Rémi Novice" })).toHaveCount(0);
  await expect(page.getByText("At risk").first()).toBeVisible();

  // The AM sees the objective at risk on the home, and records a gap analysis.
  await login(world.am);
  await page.goto("/home");
  await expect(page.getByRole("heading", { name: "Objectives at risk" })).toBeVisible();
  await page.getByRole("link", { name: new RegExp(`${world.campaign.name}: Dials, 400 for`) }).click();
  await expect(page.getByText("At risk").first()).toBeVisible();
  await expect(page.getByText("This objective is behind.")).toBeVisible();
  await page.getByLabel("Lever adjusted").selectOption("CHANNEL_MIX");
  await page.getByLabel("Diagnosis").fill("Phone-only outreach: half the targets never pick up.");
  await page.getByLabel("Action", { exact: true }).fill("Add a LinkedIn touch before each call from Monday.");
  await page.getByLabel("Due date").fill(addDays(today, 10));
  await page.getByRole("button", { name: "Record the gap analysis" }).click();
  await expect(page.getByText("Gap analysis recorded.")).toBeVisible();
  await page.getByLabel("Reason").fill("");
  await page.getByRole("button", { name: "Change the target" }).last().click();
  await expect(page.getByText(/This field is required|Give the reason/).first()).toBeVisible();
  await shots(page, "objective-detail-en");
  await page.goto(`${base}/objectives`);
  await shots(page, "objectives-tab-en");

  // The client admin, in French: the team objective, its pace and the action; no individual objective.
  await prisma.user.update({ where: { id: world.clientAdmin.userId }, data: { locale: "fr" } });
  await login(world.clientAdmin);
  await page.goto(`${base}/objectives`);
  await expect(page.getByRole("heading", { name: "Objectifs de l'équipe" })).toBeVisible();
  await expect(page.getByText("À risque").first()).toBeVisible();
  await expect(page.getByText("Add a LinkedIn touch before each call from Monday.")).toBeVisible();
  await expect(page.getByText("Objectifs individuels")).toHaveCount(0);
  await expect(page.getByText("Rémi Novice")).toHaveCount(0);
  await shots(page, "objectives-tab-fr");
  await page.getByRole("link", { name: "Appels" }).first().click();
  await expect(page.getByText("Mix de canaux").filter({ visible: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Enregistrer l'analyse d'écart" })).toHaveCount(0);
  await shots(page, "objective-detail-fr");
  await page.goto("/home");
  await expect(page.getByRole("heading", { name: "Objectifs à risque" })).toBeVisible();
  await shots(page, "home-fr");
});

async function shots(page: import("@playwright/test").Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `test-results/screens/${name}-${width}.png`);
    // The charts follow the new width on their next resize observation: wait for the layout to settle.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: `${name} at ${width}px is wider than the screen` })
      .toBeLessThanOrEqual(1);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}
