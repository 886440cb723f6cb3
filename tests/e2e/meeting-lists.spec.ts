// Issue 9, "Lists": the meetings lists filter as a filter changes (and still with the Filter button without
// JavaScript), the cross-campaign list filters by client, the persona filter groups each persona's versions (the
// persona as a whole, or one version), and the list shows when a pending meeting's review window closes.
import { createCampaign, setCampaignSdrs } from "~/models/campaign.server";
import { createClient } from "~/models/client.server";
import { formatDate } from "~/i18n";
import { createActiveCampaignWithAgreement, createMeetingInState, createMember, type AgencyWorld } from "../factories";
import { expect, hydrated, prisma, test } from "./fixtures";

test.use({ timezoneId: "Europe/Paris" });

test("the cross-campaign list filters as it changes: client, persona (versions inside), search; the review deadline shows", async ({ page, world, login, browser, baseURL }) => {
  test.setTimeout(150_000);
  // Client A (the world's) with a CFO persona; client B, same AM and SDR, with a logistics persona.
  const agreementA = await createActiveCampaignWithAgreement(world);
  const clientB = await createClient(world.admin, { name: "Béton Boréal", currency: "EUR", accountManagerId: world.am.userId });
  const campaignB = await createCampaign(world.am, { clientCompanyId: clientB.id, name: "Boréal outbound" });
  const adminB = await createMember(world.agency.id, "CLIENT_ADMIN", { clientCompanyId: clientB.id });
  const memberB = await createMember(world.agency.id, "CLIENT_MEMBER", { clientCompanyId: clientB.id });
  await setCampaignSdrs(world.am, campaignB.id, [world.sdr.userId]);
  const worldB: AgencyWorld = { ...world, client: { id: clientB.id, name: clientB.name }, campaign: { id: campaignB.id, name: campaignB.name }, clientAdmin: adminB, clientMember: memberB };
  const agreementB = await createActiveCampaignWithAgreement(worldB, { personaName: "Head of logistics" });
  const heldA = await createMeetingInState(world, agreementA, "held", { input: { prospectName: "Alice Aubert" } });
  await createMeetingInState(world, agreementA, "scheduled", { input: { prospectName: "Albert Roux" } });
  await createMeetingInState(worldB, agreementB, "held", { input: { prospectName: "Bruno Boréal" } });

  await login(world.am);
  await page.goto("/meetings");
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(3);

  // The review deadline of the held meeting awaiting review, in the meeting's time zone; none for a scheduled one.
  const due = (await prisma.meeting.findUniqueOrThrow({ where: { id: heldA }, select: { reviewDueAt: true } })).reviewDueAt!;
  await expect(page.getByRole("columnheader", { name: "Review by" })).toBeVisible();
  const reviewCell = (name: string) => rows.filter({ hasText: name }).locator("td").nth(-2);
  await expect(reviewCell("Alice Aubert")).toHaveText(formatDate("en", due.toISOString(), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" }));
  await expect(reviewCell("Albert Roux")).toHaveText("—");

  // The client filter applies as it changes, without the Filter button.
  const client = page.getByLabel("Client", { exact: true });
  await hydrated(client);
  await client.selectOption({ label: "Béton Boréal" });
  await expect(page).toHaveURL(new RegExp(`clientId=${clientB.id}`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Bruno Boréal");
  await client.selectOption({ label: "Any client" });
  await expect(rows).toHaveCount(3);

  // The persona filter: each persona a group, its versions inside; the persona as a whole or one version.
  const persona = page.getByLabel("Persona", { exact: true });
  await expect(persona.locator('optgroup[label="CFO of mid-sized companies"] option')).toHaveText(["CFO of mid-sized companies: every version", "Version 1 (CFO of mid-sized companies)"]);
  await persona.selectOption({ label: "CFO of mid-sized companies: every version" });
  await expect(page).toHaveURL(/persona=p%3A/);
  await expect(rows).toHaveCount(2);
  await persona.selectOption({ label: "Version 1 (Head of logistics)" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Bruno Boréal");
  await persona.selectOption({ label: "Any persona" });

  // The search applies after a pause in typing.
  await page.getByLabel("Search").fill("Alice");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Alice Aubert");

  // Without JavaScript the same form works with its Filter button.
  const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL, timezoneId: "Europe/Paris" });
  const plain = await noJs.newPage();
  await login(world.am, plain);
  await plain.goto("/meetings");
  await plain.getByLabel("Client", { exact: true }).selectOption({ label: "Béton Boréal" });
  await expect(plain.locator("table tbody tr")).toHaveCount(3);
  await plain.getByRole("button", { name: "Filter" }).click();
  await expect(plain.locator("table tbody tr")).toHaveCount(1);
  await expect(plain.locator("table tbody tr").first()).toContainText("Bruno Boréal");
  await noJs.close();
});

test("the campaign's meetings tab filters by persona as it changes", async ({ page, world, login }) => {
  test.setTimeout(90_000);
  const agreement = await createActiveCampaignWithAgreement(world);
  await createMeetingInState(world, agreement, "held", { input: { prospectName: "Alice Aubert" } });
  await createMeetingInState(world, agreement, "scheduled", { input: { prospectName: "Albert Roux" } });
  await login(world.am);
  await page.goto(`/campaigns/${world.campaign.id}/meetings`);
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(page.getByLabel("Client", { exact: true })).toHaveCount(0);
  const status = page.getByLabel("Status", { exact: true });
  await hydrated(status);
  await status.selectOption({ label: "Held" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Alice Aubert");
  await page.getByLabel("Persona", { exact: true }).selectOption({ label: "CFO of mid-sized companies: every version" });
  await expect(page).toHaveURL(/status=HELD.*persona=p%3A|persona=p%3A.*status=HELD/);
  await expect(rows).toHaveCount(1);
});

test("saved views: an AM names a filter set, applies it in one click, deletes it; nobody else reads or deletes it", async ({ page, world, login, request, cookieFor }) => {
  test.setTimeout(120_000);
  const agreement = await createActiveCampaignWithAgreement(world);
  await createMeetingInState(world, agreement, "held", { input: { prospectName: "Alice Aubert" } });
  await createMeetingInState(world, agreement, "scheduled", { input: { prospectName: "Albert Roux" } });
  await login(world.am);
  await page.goto("/meetings");
  const views = page.getByRole("region", { name: "Saved views" });
  await expect(views).toContainText("No saved view yet");
  await page.goto("/meetings?status=HELD&page=1");
  // A view needs a name, said next to the field.
  await views.getByRole("button", { name: "Save the view" }).click();
  await expect(views.getByText("This field is required.")).toBeVisible();
  await views.getByLabel("Save these filters as").fill("Held, to review");
  await views.getByRole("button", { name: "Save the view" }).click();
  await expect(page.getByText("View saved.")).toBeVisible();
  const saved = await prisma.savedView.findFirstOrThrow({ where: { userId: world.am.userId } });
  expect(saved.query).toBe("status=HELD");

  await page.goto("/meetings");
  await expect(page.locator("table tbody tr")).toHaveCount(2);
  await views.getByRole("link", { name: "Held, to review" }).click();
  await expect(page).toHaveURL(/\?status=HELD$/);
  await expect(page.locator("table tbody tr")).toHaveCount(1);
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("HELD");

  // Another user of the agency sees none of it and cannot delete it (404).
  await login(world.admin);
  await page.goto("/meetings");
  await expect(page.getByRole("link", { name: "Held, to review" })).toHaveCount(0);
  const res = await request.post("/meetings", { headers: { Cookie: await cookieFor(world.admin) }, form: { intent: "deleteView", viewId: saved.id }, maxRedirects: 0 });
  expect(res.status()).toBe(404);
  expect(await prisma.savedView.count({ where: { id: saved.id } })).toBe(1);

  await login(world.am);
  await page.goto("/meetings");
  await views.getByRole("button", { name: "Delete the view “Held, to review”" }).click();
  await expect(page.getByText("View deleted.")).toBeVisible();
  await expect(views).toContainText("No saved view yet");
  expect(await prisma.savedView.count({ where: { userId: world.am.userId } })).toBe(0);
});
