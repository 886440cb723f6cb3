// The agency admin sets the pace thresholds and the maturity weights (OBJECTIVES.md: "thresholds per agency"): bad
// input is told next to its field and kept; a saved threshold changes how an objective is judged on the campaign.
import { setCampaignSdrs } from "~/models/campaign.server";
import { createObjective } from "~/models/objectives/objectives.server";
import { recordActivityWeek } from "~/models/objectives/activity.server";
import { objectiveSchema } from "~/domain/objectives/schemas";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { workingDays } from "~/domain/objectives/pace";
import { createActiveCampaignWithAgreement } from "../factories";
import { expect, expectFieldError, prisma, openUserMenu, test, screenshot } from "./fixtures";

test("the agency admin moves the pace thresholds and an at-risk objective reads on track", async ({ page, world, login }) => {
  test.setTimeout(90_000);
  await createActiveCampaignWithAgreement(world);
  await setCampaignSdrs(world.am, world.campaign.id, [world.sdr.userId]);
  const today = todayIn("Europe/Paris");
  const start = addDays(today, -21);
  const end = addDays(today, 21);
  await prisma.campaign.update({ where: { id: world.campaign.id }, data: { startDate: new Date(`${start}T00:00:00Z`), endDate: new Date(`${end}T00:00:00Z`) } });
  // 100 dials a working day so far, against a target that expects about 115: 87 % of the pace, at risk by default.
  const elapsed = workingDays(start, addDays(today, -1));
  const days = Array.from({ length: 21 }, (_, i) => addDays(start, i)).filter((d) => workingDays(d, d) === 1 && d < today);
  await recordActivityWeek(world.am, world.campaign.id, world.sdr.userId, days.map((day) => ({ day, dials: 100, conversations: 0, emails: 0, linkedinMessages: 0 })));
  const target = Math.round((100 * elapsed * workingDays(start, end)) / elapsed / 0.87);
  await createObjective(world.am, world.campaign.id, objectiveSchema.parse({ metric: "DIALS", target: String(target), scope: "TEAM", periodKind: "CAMPAIGN", startsOn: start, stake: "GROWTH", why: "Fill the funnel" }));

  await login(world.admin);
  await page.goto(`/campaigns/${world.campaign.id}/objectives`);
  await expect(page.getByText("At risk").first()).toBeVisible();

  await openUserMenu(page);
  await page.getByRole("link", { name: "Agency settings" }).click();
  await expect(page.getByRole("heading", { name: "Agency settings" })).toBeVisible();
  await expect(page.getByLabel("On track from (% of expected)")).toHaveValue("95");
  await page.getByLabel("On track from (% of expected)").fill("85");
  await page.getByLabel("At risk from (% of expected)").fill("90");
  await page.getByLabel("Senior (%)").fill("12.5");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expectFieldError(page, "At risk from (% of expected)", "The at-risk threshold must be below the on-track threshold.");
  await expectFieldError(page, "Senior (%)", "Enter a whole number.");
  await expect(page.getByLabel("On track from (% of expected)")).toHaveValue("85");
  await page.getByLabel("At risk from (% of expected)").fill("60");
  await page.getByLabel("Senior (%)").fill("150");
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await expect(page.getByLabel("Senior (%)")).toHaveValue("150");
  const agency = await prisma.agency.findUniqueOrThrow({ where: { id: world.agency.id } });
  expect([agency.paceOnTrackPct, agency.paceAtRiskPct, agency.weightSeniorPct]).toEqual([85, 60, 150]);
  const event = await prisma.auditEvent.findFirstOrThrow({ where: { agencyId: world.agency.id, type: "agency.settings_changed" } });
  expect(event.data).toMatchObject({ paceOnTrackPct: { from: 95, to: 85 }, paceAtRiskPct: { from: 80, to: 60 }, weightSeniorPct: { from: 120, to: 150 } });

  await page.goto(`/campaigns/${world.campaign.id}/objectives`);
  await expect(page.getByText("On track").first()).toBeVisible();
  await expect(page.getByText("At risk")).toHaveCount(0);

  // In French, at 390 px: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings/agency");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { name: "Paramètres de l'agence" })).toBeVisible();
  await screenshot(page, "test-results/screenshots/agency-settings-fr-390.png");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
