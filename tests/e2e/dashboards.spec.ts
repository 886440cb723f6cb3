// Dashboards as people use them: a client admin opens the campaign Overview, switches the period, sees the charts
// and their table alternative, downloads a chart's CSV, in English then in French; axe finds no serious issue; no
// per-SDR figure reaches the client.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { createActiveCampaignWithAgreement, createMeetingInState, type MeetingState } from "../factories";
import { expect, hydrated, prisma, test } from "./fixtures";

test.use({ timezoneId: "Europe/Paris" });

async function seriousAxeIssues(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).setLegacyMode().options({ iframes: false, resultTypes: ["violations"] }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(" ")}`));
}

async function csvOf(page: import("@playwright/test").Page, figure: import("@playwright/test").Locator, linkName: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), figure.getByRole("link", { name: linkName }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  return readFile((await download.path())!, "utf8");
}

test("client admin: Overview with periods, charts, tables and CSV, in English and French", async ({ page, world, login }) => {
  test.setTimeout(120_000);
  const agreement = await createActiveCampaignWithAgreement(world);
  const today = todayIn("Europe/Paris");
  await prisma.campaign.update({ where: { id: world.campaign.id }, data: { startDate: new Date(`${addDays(today, -60)}T00:00:00Z`) } });
  const states: [MeetingState, number][] = [
    ["accepted", -30], ["accepted", -200], ["accepted", -400], ["dispute_rejected", -300], ["dispute_upheld", -500], ["rated", -100], ["no_show", -250], ["held", -50],
  ];
  for (const [state, hours] of states) await createMeetingInState(world, agreement, state, { hoursFromNow: hours });
  const base = `/campaigns/${world.campaign.id}`;
  // A known time zone: the first visit's time-zone save (a fetcher) would otherwise race the period switch.
  await prisma.user.updateMany({ where: { id: { in: [world.clientAdmin.userId, world.am.userId] } }, data: { timeZone: "Europe/Paris" } });

  await login(world.clientAdmin);
  await page.goto(base);
  const select = page.getByRole("combobox", { name: "Period" });
  await hydrated(select);
  await select.selectOption("campaign");
  await expect(page).toHaveURL(/period=campaign/, { timeout: 20_000 });
  await expect(page.getByText(/\(\d+ days\)/)).toBeVisible();

  // KPI tiles and the charts, drawn by recharts once hydrated.
  await expect(page.getByRole("heading", { name: "Key figures" })).toBeVisible();
  const trend = page.locator("figure#chart-trend");
  await expect(page.getByRole("figure", { name: "Weekly trend" })).toBeVisible();
  await expect(trend.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  await expect(page.locator("figure#chart-ratings .recharts-wrapper > svg.recharts-surface")).toBeVisible();
  await expect(page.locator("figure#chart-disputes .recharts-wrapper > svg.recharts-surface")).toBeVisible();

  // The table alternative.
  await trend.getByText("Show the table").click();
  const table = trend.getByRole("table", { name: "Weekly trend" });
  await expect(table.getByRole("columnheader", { name: "Booked" })).toBeVisible();
  await expect(table.getByRole("row")).not.toHaveCount(1);

  // The CSV of a chart: BOM, commas in English.
  const csv = await csvOf(page, trend, "Download the data (CSV)");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.slice(1).split("\r\n")[0]).toBe("Week of,Booked,Held,Accepted");
  const disputesCsv = await csvOf(page, page.locator("figure#chart-disputes"), "Download the data (CSV)");
  expect(disputesCsv).toContain(",1,1,0\r\n"); // one dispute upheld, one rejected, on the same criterion

  // No per-SDR figure for a client.
  await expect(page.getByRole("heading", { name: "By SDR" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: /Figures of each SDR/ })).toHaveCount(0);
  expect(await seriousAxeIssues(page)).toEqual([]);

  // A reversed custom range: the message next to the fields, not an error page.
  await select.selectOption("custom");
  await page.getByRole("textbox", { name: "From", exact: true }).fill(addDays(today, -1));
  await page.getByRole("textbox", { name: "To", exact: true }).fill(addDays(today, -10));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The last day must come after the first." })).toBeVisible();

  // In French: the same figures with French words, dates and a semicolon CSV.
  await prisma.user.update({ where: { id: world.clientAdmin.userId }, data: { locale: "fr" } });
  await page.goto(`${base}?period=campaign`);
  const trendFr = page.locator("figure#chart-trend");
  await expect(page.getByRole("figure", { name: "Tendance hebdomadaire" })).toBeVisible();
  await expect(trendFr.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  await trendFr.getByText("Afficher le tableau").click();
  await expect(trendFr.getByRole("table", { name: "Tendance hebdomadaire" }).getByRole("columnheader", { name: "Pris" })).toBeVisible();
  const csvFr = await csvOf(page, trendFr, "Télécharger les données (CSV)");
  expect(csvFr.slice(1).split("\r\n")[0]).toBe("Semaine du;Pris;Tenus;Acceptés");
  expect(await seriousAxeIssues(page)).toEqual([]);
});

test("agency: the Overview's per-SDR table sorts, and the portfolio lists the campaign", async ({ page, world, login }) => {
  const agreement = await createActiveCampaignWithAgreement(world);
  await createMeetingInState(world, agreement, "accepted", { hoursFromNow: -30 });
  await prisma.user.update({ where: { id: world.am.userId }, data: { timeZone: "Europe/Paris" } });
  await login(world.am);
  await page.goto(`/campaigns/${world.campaign.id}?period=quarter`);
  const sdrs = page.getByRole("table", { name: /Figures of each SDR/ });
  await expect(sdrs.getByRole("rowheader", { name: world.sdr.name })).toBeVisible();
  await sdrs.getByRole("link", { name: /^Booked/ }).click();
  await expect(page).toHaveURL(/sort=booked&dir=desc/);
  await expect(sdrs.getByRole("columnheader", { name: /Booked/ })).toHaveAttribute("aria-sort", "descending");

  await page.goto("/home");
  await page.getByRole("link", { name: /Open the portfolio/ }).click();
  await expect(page.getByRole("heading", { name: "Portfolio" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: new RegExp(world.campaign.name) })).toBeVisible();
});
