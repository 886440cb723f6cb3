// Issue 11, lean journeys over the demo's qualitative data (seeded by the same functions as the demo): the client reads
// the team calibration in French (nothing per SDR), the AM reads it per SDR and is told next to the field when a
// criterion is compared twice, and the AM's home shows the overdue ritual.
import { setCampaignSdrs } from "~/models/campaign.server";
import { seedDemoMeetings } from "../../prisma/seed-meetings";
import { seedDemoQualitative } from "../../prisma/seed-qualitative";
import { createActiveCampaignWithAgreement, createAgencyWithClient, type AgencyWorld } from "../factories";
import { expect, expectFieldError, hydrated, prisma, test } from "./fixtures";

let w: AgencyWorld;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  w = await createAgencyWithClient();
  await createActiveCampaignWithAgreement(w);
  await setCampaignSdrs(w.am, w.campaign.id, [w.sdr.userId, w.otherSdr.userId]);
  await seedDemoMeetings(w.campaign.id);
  await seedDemoQualitative(w.campaign.id);
});

test("the client admin reads the team calibration in French, with nothing per SDR", async ({ page, login }) => {
  await prisma.user.update({ where: { id: w.clientAdmin.userId }, data: { locale: "fr" } });
  await login(w.clientAdmin);
  await page.goto(`/campaigns/${w.campaign.id}`);
  const tab = page.getByRole("link", { name: "Calibrage" });
  await hydrated(tab);
  await tab.click();
  await expect(page.getByRole("heading", { name: "Calibrage avec le client" })).toBeVisible({ timeout: 15_000 });
  const team = page.getByRole("region", { name: "Équipe" });
  await expect(team.getByRole("rowheader", { name: "Pouvoir de décision" })).toBeVisible();
  await expect(team.getByRole("cell", { name: /l'agence note plus haut de/ }).first()).toBeVisible();
  await expect(page.getByRole("figure")).toContainText("Écart moyen par mois");
  // The chart's table downloads as CSV for a French spreadsheet: months, the distance and the meetings per criterion.
  const download = page.getByRole("figure").getByRole("link", { name: /CSV/ });
  await expect(download).toHaveAttribute("download", "calibrage-dans-le-temps.csv");
  const csv = decodeURIComponent((await download.getAttribute("href"))!.replace(/^data:text\/csv;charset=utf-8,/, ""));
  const [header, ...lines] = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(header).toContain("Mois;");
  expect(header).toContain("Pouvoir de décision;");
  expect(header).toContain("Pouvoir de décision\u202F: rendez-vous notés des deux côtés");
  expect(lines.length).toBeGreaterThan(0);
  expect(lines[0]!.split(";").length).toBe(header!.split(";").length);
  await expect(page.getByText("Par SDR")).toHaveCount(0);
  await expect(page.getByText("Critères comparés")).toHaveCount(0);
  const sdrNames = await prisma.user.findMany({ where: { id: { in: [w.sdr.userId, w.otherSdr.userId] } }, select: { name: true } });
  const html = await page.content();
  for (const u of sdrNames) expect(html).not.toContain(u.name);
});

test("the AM reads the calibration per SDR, and comparing one criterion twice is refused next to the field", async ({ page, login }) => {
  await login(w.am);
  await page.goto(`/campaigns/${w.campaign.id}/calibration`);
  const perSdr = page.getByRole("region", { name: "Per SDR (agency only)" });
  await expect(perSdr.getByRole("rowheader", { name: w.sdr.name })).toBeVisible();
  await expect(perSdr.getByRole("rowheader", { name: w.otherSdr.name })).toBeVisible();
  const briefing = page.getByLabel("Quality of the SDR's briefing", { exact: true });
  await briefing.selectOption({ label: await page.getByLabel("Real need", { exact: true }).locator("option:checked").innerText() });
  await page.getByRole("button", { name: "Save the comparison" }).click();
  await expectFieldError(page, "Quality of the SDR's briefing", "This agency criterion is already compared with another rating.");
  await briefing.selectOption({ index: 0 });
  await page.getByRole("button", { name: "Save the comparison" }).click();
  await expect(page.getByText("Comparison saved.")).toBeVisible();
});

test("the AM's home shows the overdue ritual", async ({ page, login }) => {
  await login(w.am);
  await page.goto("/home");
  const rituals = page.getByRole("region", { name: /Rituals to hold/ });
  await expect(rituals.getByRole("link", { name: "One-to-one: Structurer la découverte en quatre questions" })).toBeVisible();
  await expect(rituals.getByText("Overdue", { exact: true })).toBeVisible();
});
