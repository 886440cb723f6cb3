// The calendar page: a user creates their links, copies one with the button (the clipboard holds the feed URL, which
// serves their meetings), finds the Google Calendar and Outlook links, and resets the links after confirming; in English
// and in French.
import { expect, hydrated, prisma, test } from "./fixtures";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("in English: create the links, copy the feed link, subscribe links, one feed per campaign", async ({ page, world, login, request }) => {
  await login(world.clientAdmin);
  await page.goto("/home");
  await page.getByRole("navigation").getByRole("link", { name: "Calendar", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your calendar" })).toBeVisible();
  await page.getByRole("button", { name: "Create my calendar links" }).click();
  await expect(page.getByText("Your calendar links are ready.")).toBeVisible();

  const allName = `Rendezvous · ${world.client.name}`;
  const allLink = page.getByRole("textbox", { name: `Link to ${allName}` });
  const url = await allLink.inputValue();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
  const copy = page.getByRole("button", { name: `Copy the link to ${allName}` });
  await hydrated(copy);
  await copy.click();
  await expect(page.getByText("Link copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  const section = page.getByRole("region", { name: "All my meetings" });
  const google = await section.getByRole("link", { name: "Add to Google Calendar" }).getAttribute("href");
  expect(google).toBe(`https://calendar.google.com/calendar/render?cid=${encodeURIComponent(url.replace("http://", "webcal://"))}`);
  const outlook = await section.getByRole("link", { name: "Add to Outlook" }).getAttribute("href");
  expect(outlook).toContain(`url=${encodeURIComponent(url)}`);
  expect(await section.getByRole("link", { name: "Open in my calendar app" }).getAttribute("href")).toBe(url.replace("http://", "webcal://"));

  // The campaign's own feed, named after the campaign.
  const campaignUrl = await page.getByRole("textbox", { name: `Link to ${world.campaign.name}` }).inputValue();
  expect(campaignUrl).toBe(`${url}?campaign=${world.campaign.id}`);
  const feed = await request.get(campaignUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect((await feed.text()).replace(/\r\n[ \t]/g, "")).toContain(`X-WR-CALNAME:${world.campaign.name.replace(/[,;]/g, (c) => `\\${c}`)}`);

  // The same link is shown on the next visit.
  await page.reload();
  await expect(page.getByRole("textbox", { name: `Link to ${allName}` })).toHaveValue(url);
});

test("in French: copy, then reset after confirming; the old link stops working", async ({ page, world, login, request }) => {
  await prisma.user.update({ where: { id: world.am.userId }, data: { locale: "fr" } });
  await login(world.am);
  await page.goto("/calendar");
  await expect(page.getByRole("heading", { level: 1, name: "Votre agenda" })).toBeVisible();
  await page.getByRole("button", { name: "Créer mes liens d’agenda" }).click();
  await expect(page.getByText("Vos liens d’agenda sont prêts.")).toBeVisible();
  const link = page.getByRole("textbox", { name: `Lien vers ${world.campaign.name}` });
  const before = await link.inputValue();
  const copy = page.getByRole("button", { name: `Copier le lien vers ${world.campaign.name}` });
  await hydrated(copy);
  await copy.click();
  await expect(page.getByText("Lien copié.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(before);
  await expect(page.getByRole("link", { name: "Ajouter à Google Agenda" }).first()).toBeVisible();

  await page.getByText("Réinitialiser mes liens").click();
  await expect(page.getByText("Tout agenda abonné avec les liens actuels cesse de se mettre à jour")).toBeVisible();
  await page.getByRole("button", { name: "Réinitialiser les liens" }).click();
  await expect(page.getByText("Vos liens d’agenda ont été réinitialisés : les anciens ne fonctionnent plus.".replace(" :", "\u202f:"))).toBeVisible();
  const after = await page.getByRole("textbox", { name: `Lien vers ${world.campaign.name}` }).inputValue();
  expect(after).not.toBe(before);
  expect((await request.get(before)).status()).toBe(404);
  expect((await request.get(after)).status()).toBe(200);
});
