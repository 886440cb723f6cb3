// Campaign reports as people use them: the AM composes last week's report, previews it in French, sends it to the
// client admin; the email is in the outbox with a link that opens the report; the client comments; the PDF
// downloads and carries the campaign's name.
import { addDays, todayIn } from "~/domain/objectives/dates";
import { createActiveCampaignWithAgreement, createMeetingInState } from "../factories";
import { expect, prisma, test } from "./fixtures";

test.use({ timezoneId: "Europe/Paris" });

test("compose, preview in French, send, open from the email, comment, download the PDF", async ({ page, world, login }) => {
  test.setTimeout(120_000);
  const a = await createActiveCampaignWithAgreement(world);
  await createMeetingInState(world, a, "held");
  await prisma.user.update({ where: { id: world.clientAdmin.userId }, data: { locale: "fr" } });
  const today = todayIn("Europe/Paris");
  const base = `/campaigns/${world.campaign.id}`;

  await login(world.am);
  await page.goto(`${base}/reports`);
  await page.getByRole("link", { name: "New report" }).click();
  await page.getByRole("textbox", { name: "From", exact: true }).fill(addDays(today, -6));
  await page.getByRole("textbox", { name: "To", exact: true }).fill(addDays(today, 5));
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByText("The period cannot end after today.")).toBeVisible();
  await page.getByRole("textbox", { name: "To", exact: true }).fill(today);
  await page.getByLabel("Commentary").fill("A good week.\n\n- <b>one</b> opportunity");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect(page.getByText("<b>one</b> opportunity")).toBeVisible();

  await page.getByRole("link", { name: "Preview" }).click();
  await page.getByRole("link", { name: "French" }).click();
  await expect(page.getByText(/Rapport de campagne/).first()).toBeVisible();
  await expect(page.locator('[lang="fr"]').getByRole("heading", { name: "Chiffres clés" })).toBeVisible();

  await page.goto(`${base}/reports`);
  await page.getByRole("link", { name: "Open" }).first().click();
  await page.getByRole("link", { name: "Send", exact: true }).click();
  await expect(page.getByRole("checkbox", { name: new RegExp(world.clientAdmin.email) })).toBeChecked();
  await page.getByRole("button", { name: "Send to the selected recipients" }).click();
  await expect(page.getByText(/Figures frozen on/)).toBeVisible();

  const email = await prisma.emailOutbox.findFirstOrThrow({ where: { to: world.clientAdmin.email, template: "report-sent" } });
  expect(email.locale).toBe("fr");
  const link = email.text.match(/https?:\/\/\S+\/reports\/\w+/)![0];

  await login(world.clientAdmin);
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Chiffres clés" })).toBeVisible();
  await page.getByLabel("Votre commentaire").fill("Pouvez-vous détailler les opportunités ?");
  await page.getByRole("button", { name: "Publier" }).click();
  await expect(page.getByText("Pouvez-vous détailler les opportunités ?")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger le PDF" }).click();
  const file = await download;
  const path = await file.path();
  const { readFile } = await import("node:fs/promises");
  const pdf = await readFile(path);
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  expect(file.suggestedFilename()).toContain(world.campaign.name.replace(/[^A-Za-z0-9-]+/g, "-").split("-")[0]);

  // The AM sees who opened it.
  await login(world.am);
  await page.goto(new URL(link).pathname);
  await expect(page.getByText(/Opened on/)).toBeVisible();
});
