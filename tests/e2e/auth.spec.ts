// Sign-in through the form for every role, the home each one lands on, the navigation each one gets, and sign-out.
import { createCampaign } from "~/models/campaign.server";
import { createClient } from "~/models/client.server";
import type { AgencyWorld } from "../factories";
import { DEFAULT_PASSWORD, unique } from "../factories";
import { expect, openUserMenu, test } from "./fixtures";

type RoleKey = "admin" | "am" | "sdr" | "clientAdmin" | "clientMember";
const NAV = ["Clients", "Campaigns", "Team", "Emails"] as const;

// What each role sees after signing in. Later features add columns (nav entries) or rows.
const HOMES: { role: RoleKey; title: (w: AgencyWorld) => string; section: string; nav: (typeof NAV)[number][] }[] = [
  { role: "admin", title: (w) => `${w.agency.name}: agency home`, section: "Campaigns", nav: ["Clients", "Campaigns", "Team", "Emails"] },
  { role: "am", title: (w) => `${w.agency.name}: agency home`, section: "Campaigns", nav: ["Clients", "Campaigns", "Team"] },
  { role: "sdr", title: (w) => `My campaigns at ${w.agency.name}`, section: "Campaigns I am assigned to", nav: ["Campaigns"] },
  { role: "clientAdmin", title: (w) => `${w.client.name}: your campaigns`, section: "Campaigns", nav: ["Campaigns", "Team"] },
  { role: "clientMember", title: (w) => `${w.client.name}: your campaigns`, section: "Campaigns", nav: ["Campaigns"] },
];

for (const row of HOMES) {
  test(`${row.role} signs in through the form and lands on their home`, async ({ page, world }) => {
    // A campaign of another client company of the same agency, with nobody of this world's client or SDR on it.
    const otherClient = await createClient(world.admin, { name: unique("Other client"), currency: "EUR" });
    const otherCampaign = await createCampaign(world.admin, { clientCompanyId: otherClient.id, name: unique("Other campaign") });
    const actor = world[row.role];

    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await page.getByLabel("Email", { exact: true }).fill(actor.email);
    await page.getByLabel("Password", { exact: true }).fill(DEFAULT_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(/\/home$/);
    await expect(page.getByRole("heading", { level: 1, name: row.title(world) })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: row.section, exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: world.campaign.name })).toBeVisible();
    // The admin and the AM see every campaign of their clients; the SDR and the client only their own.
    const seesOther = row.role === "admin";
    await expect(page.getByRole("link", { name: otherCampaign.name })).toHaveCount(seesOther ? 1 : 0);

    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Home" })).toBeVisible();
    for (const entry of NAV) {
      await expect(nav.getByRole("link", { name: entry, exact: true }), `${entry} in the nav of ${row.role}`).toHaveCount(row.nav.includes(entry) ? 1 : 0);
    }
  });
}

test("an SDR on no campaign is told so, and sees none", async ({ page, world, login }) => {
  await login(world.otherSdr);
  await page.goto("/home");
  await expect(page.getByRole("heading", { level: 1, name: `My campaigns at ${world.agency.name}` })).toBeVisible();
  await expect(page.getByText("You are not assigned to any campaign yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: world.campaign.name })).toHaveCount(0);
});

test("a deep link asked while signed out comes back after sign-in", async ({ page, world }) => {
  await page.goto(`/campaigns/${world.campaign.id}`);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel("Email", { exact: true }).fill(world.am.email);
  await page.getByLabel("Password", { exact: true }).fill(DEFAULT_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${world.campaign.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: world.campaign.name })).toBeVisible();
});

test("sign out returns to sign-in and the old cookie no longer works", async ({ page, world, login, context, request }) => {
  await login(world.admin);
  await page.goto("/home");
  const cookie = (await context.cookies()).find((c) => c.name === "rdv_session");
  expect(cookie).toBeTruthy();
  const old = `rdv_session=${cookie!.value}`;
  expect((await request.get("/home", { headers: { Cookie: old }, maxRedirects: 0 })).status()).toBe(200);

  await openUserMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Sign in to Rendezvous" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toHaveCount(0);

  // The session row is gone: replaying the cookie is the same as having none.
  const replay = await request.get("/home", { headers: { Cookie: old }, maxRedirects: 0 });
  expect(replay.status()).toBe(302);
  expect(replay.headers()["location"]).toMatch(/^\/login/);
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fhome$/);
});
