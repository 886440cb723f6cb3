// The meeting's life in the browser: an SDR logs it, the client member marks it held and rates it, the client admin
// disputes it, the account manager rejects the dispute, and the client reads the reasoning. Then a CSV import.
import { confirmAction, test, expect, prisma } from "./fixtures";
import { createActiveCampaignWithAgreement, DEFAULT_CRITERIA } from "../factories";
import { utcToZonedInput } from "~/domain/shared/timezone";

test("an SDR logs a meeting; the client rates it, disputes it; the AM rejects the dispute; the client sees why", async ({ page, world, login, request }) => {
  await createActiveCampaignWithAgreement(world);
  const base = `/campaigns/${world.campaign.id}/meetings`;

  // The SDR logs a meeting three days ahead, every criterion met, from the keyboard-friendly form.
  await login(world.sdr);
  await page.goto(base);
  await page.getByRole("link", { name: "Log a meeting" }).click();
  await page.getByLabel("Full name").fill("Sophie Laurent");
  await page.getByLabel("Job title").fill("CFO");
  await page.getByLabel("Email").fill("sophie.laurent@morel.test");
  await page.getByLabel("Company", { exact: true }).fill("Transports Morel");
  await page.getByLabel("Date and time (prospect's time)").fill(utcToZonedInput(new Date(Date.now() + 3 * 86400_000), "Europe/Paris"));
  await page.getByLabel("Prospect's time zone").fill("Europe/Paris");
  await page.getByLabel("Duration (minutes)").fill("45");
  await page.getByRole("textbox", { name: "Discovery notes", exact: true }).fill("Month-end close takes two weeks");
  for (const c of DEFAULT_CRITERIA) await page.getByRole("checkbox", { name: new RegExp(c.label.slice(0, 30)) }).check();
  await page.getByRole("textbox", { name: "Discovery notes", exact: true }).press("Control+Enter");
  await expect(page.getByText("Meeting logged.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sophie Laurent" })).toBeVisible();
  const meetingUrl = new URL(page.url()).pathname;

  // The client admin subscribes to the campaign's calendar: the secret link serves the upcoming meeting.
  await login(world.clientAdmin);
  await page.goto(base);
  await page.getByRole("link", { name: "Create my calendar link" }).click();
  await page.getByRole("button", { name: "Create my calendar links" }).click();
  const feedUrl = await page.getByRole("textbox", { name: `Link to ${world.campaign.name}`, exact: true }).inputValue();
  const feed = await request.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(await feed.text()).toContain("Sophie Laurent");

  // Time passes: the meeting took place an hour ago.
  const meeting = await prisma.meeting.findFirstOrThrow({ where: { campaignId: world.campaign.id } });
  await prisma.meeting.update({ where: { id: meeting.id }, data: { scheduledAt: new Date(Date.now() - 3600_000) } });

  // The client member marks it held and rates it; they cannot accept or dispute.
  await login(world.clientMember);
  await page.goto(meetingUrl);
  await page.getByRole("button", { name: "Mark held" }).click();
  await expect(page.getByText("Status updated.")).toBeVisible();
  await page.getByLabel("Overall").selectOption("2");
  await page.getByLabel("Decision power").selectOption("1");
  await page.getByRole("button", { name: "Save rating" }).click();
  await expect(page.getByText("Rating saved.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Dispute the meeting" })).toHaveCount(0);

  // The client admin disputes it on the decision-maker criterion.
  await login(world.clientAdmin);
  await page.goto(meetingUrl);
  const criterion = DEFAULT_CRITERIA[0].label;
  await page.getByRole("button", { name: "Dispute the meeting" }).click();
  await expect(page.getByText("Tick at least one criterion that was not met.")).toBeVisible();
  await page.getByRole("checkbox", { name: criterion }).check();
  await page.getByLabel(`Why it was not met — ${criterion}`).fill("The prospect has no say in the purchase.");
  await page.getByRole("button", { name: "Dispute the meeting" }).click();
  await expect(page.getByText("Dispute sent to the account manager.")).toBeVisible();
  await expect(page.getByText("The prospect has no say in the purchase.")).toBeVisible();

  // The account manager rejects the dispute with reasoning.
  await login(world.am);
  await page.goto(meetingUrl);
  await confirmAction(page, "Reject the dispute (billable)", "Yes, reject the dispute", "the client is told by email");
  await expect(page.getByText("This field is required.")).toBeVisible();
  await page.getByLabel("Reasoning (the client sees it)").fill("At 12:40 in the recording the CFO says she signs off tools under 50k€.");
  await confirmAction(page, "Reject the dispute (billable)", "Yes, reject the dispute");
  await expect(page.getByText("Dispute answered.")).toBeVisible();

  // The client sees the verdict and the reasoning; the history shows every step.
  await login(world.clientAdmin);
  await page.goto(meetingUrl);
  await expect(page.getByText("At 12:40 in the recording the CFO says she signs off tools under 50k€.")).toBeVisible();
  await expect(page.getByText("Dispute rejected").first()).toBeVisible();
  await expect(page.getByText("Billable", { exact: true })).toBeVisible();
  for (const step of ["Logged", "Status: Scheduled → Held", "Rated 2/5", "Disputed", "Dispute answered: Dispute rejected"]) await expect(page.getByText(step, { exact: true })).toBeVisible();
  const emails = await prisma.emailOutbox.findMany({ where: { to: world.clientAdmin.email, template: { startsWith: "meeting-" } }, select: { template: true } });
  // A meeting booked goes to the client admin's inbox and digest by default, not by email at once.
  expect(emails.map((e) => e.template).sort()).toEqual(["meeting-held", "meeting-resolved"]);
});

test("a CSV with good and bad rows is imported; the bad rows are listed with their line numbers", async ({ page, world, login }) => {
  await createActiveCampaignWithAgreement(world, { personaName: "CFO ETI" });
  const day = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
  // Semicolons and Latin-1, as spreadsheet apps in France export them.
  const csv = [
    "Réf;Nom;Email;Société;Date;Fuseau;Persona;Canal",
    `A-1;Hélène Durand;helene@durand.test;Durand SA;${day} 10:00;Europe/Paris;CFO ETI;visio`,
    `A-2;Marc Petit;marc@petit.test;Petit SARL;${day} 14:30;Europe/Paris;cfo eti;téléphone`,
    `A-3;Jean Faux;jean@faux.test;Faux SAS;${day} 11:00;Europe/Paris;Inconnu;visio`,
    `A-4;Anne Zone;anne@zone.test;Zone SA;${day} 11:00;Mars/Olympus;CFO ETI;visio`,
  ].join("\r\n");
  await login(world.sdr);
  await page.goto(`/campaigns/${world.campaign.id}/meetings/import`);
  await page.getByLabel("CSV file").setInputFiles({ name: "rdv.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByRole("heading", { name: /Map the columns/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Hélène Durand" })).toBeVisible();
  await page.getByLabel("External id").selectOption("Réf");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("2 meetings imported, 2 rows with errors.")).toBeVisible({ timeout: 15_000 });
  const rows = page.getByRole("table").last().getByRole("row");
  await expect(rows.filter({ hasText: "Choose an approved persona of this campaign." })).toContainText("4");
  await expect(rows.filter({ hasText: "Choose a valid time zone" })).toContainText("5");
  expect(await prisma.meeting.count({ where: { campaignId: world.campaign.id } })).toBe(2);

  // Re-uploading the same file creates nothing new.
  await page.getByRole("link", { name: "Import another file" }).click();
  await page.getByLabel("CSV file").setInputFiles({ name: "rdv.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await page.getByLabel("External id").selectOption("Réf");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("0 meetings imported, 2 already imported, 2 rows with errors.")).toBeVisible({ timeout: 15_000 });
  expect(await prisma.meeting.count({ where: { campaignId: world.campaign.id } })).toBe(2);
});

test("both sides' homes flag the meetings that need them", async ({ page, world, login }) => {
  const { seedDemoMeetings } = await import("../../prisma/seed-meetings");
  await createActiveCampaignWithAgreement(world);
  await seedDemoMeetings(world.campaign.id);
  await login(world.clientAdmin);
  await page.goto("/home");
  await expect(page.getByText("Held meetings waiting for your review: 1.")).toBeVisible();
  await expect(page.getByText("Past their time without held or no-show: 1.")).toBeVisible();
  // Each client item links to the campaign's Meetings tab, filtered to the meetings that need them.
  const rows = page.getByRole("row");
  await page.getByRole("link", { name: `${world.campaign.name}: 1 to review` }).click();
  await expect(page).toHaveURL(`/campaigns/${world.campaign.id}/meetings?status=HELD&verdict=PENDING`);
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Julien Robin" })).toHaveCount(1);
  await page.goto("/home");
  await page.getByRole("link", { name: `${world.campaign.name}: 1 without attendance` }).click();
  await expect(page).toHaveURL(`/campaigns/${world.campaign.id}/meetings?attention=attendance`);
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Élodie Marchand" })).toHaveCount(1);
  await login(world.am);
  await page.goto("/home");
  await expect(page.getByText("Disputes waiting for an answer: 1.")).toBeVisible();
  await page.getByRole("link", { name: "Disputed" }).click();
  await expect(page).toHaveURL(/\/meetings\?verdict=DISPUTED/);
  await expect(page.getByRole("row")).toHaveCount(2);
});
