// The invitation loop: invite from the portal, read the email in the outbox (Emails page), follow the link,
// join, land on the company's home. And every way a link stops working: used, expired, revoked, replaced.
import type { Page } from "@playwright/test";
import { createInvitation } from "~/models/invitation.server";
import { unique } from "../factories";
import { confirmAction, escapeRegExp, expect, expectFieldError, hydrated, lastEmailTo, linkIn, prisma, openUserMenu, test } from "./fixtures";

const inviteEmail = () => `${unique("invitee")}@example.test`.toLowerCase();

/** Fills and sends the invitation form found in the page (team page or client page). */
async function invite(page: Page, data: { email: string; name?: string; role?: string; client?: string }) {
  const form = page.getByRole("form", { name: "Invite someone" });
  await hydrated(form);
  await form.getByLabel("Email", { exact: true }).fill(data.email);
  if (data.name) await form.getByLabel("Name", { exact: true }).fill(data.name);
  if (data.role) await form.getByLabel("Role").selectOption({ label: data.role });
  if (data.client) await form.getByLabel("Client company").selectOption({ label: data.client });
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(form.getByRole("status")).toHaveText(`Invitation sent to ${data.email}.`);
  return form;
}

/** Opens the newest email to `to` from the Emails page and returns the link of `path` in its text version. */
async function readLinkOnEmailsPage(page: Page, to: string, path: string) {
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Emails" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Emails" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: to }).first();
  await expect(row.getByRole("cell", { name: "In outbox" })).toBeVisible();
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/emails\/[^/?]+$/);
  await expect(page.getByText(to, { exact: true })).toBeVisible();
  // The viewer never shows a live invitation or reset link (issue 8, finding 3): the link is the recipient's alone.
  await expect(page.getByRole("note")).toContainText("its sign-in link was removed here");
  await page.getByText("Text version").click();
  await expect(page.getByTestId("email-text")).toContainText(`${path}link-removed`);
  return linkIn((await lastEmailTo(to)).text, path);
}

test("an admin invites a client contact from the client's page; they join through the emailed link", async ({ page, world, login }) => {
  const email = inviteEmail();
  await login(world.admin);
  await page.goto("/clients");
  await page.getByRole("link", { name: world.client.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: world.client.name })).toBeVisible();

  const form = await invite(page, { email, name: "Camille Durand", role: "Client admin" });
  await expect(form.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
  await expect(page.getByRole("table", { name: "Pending invitations" }).getByRole("row").filter({ hasText: email })).toBeVisible();

  const link = await readLinkOnEmailsPage(page, email, "/invitations/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${world.admin.name} invites you to ${world.client.name} on Rendezvous`);

  await openUserMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: `Join ${world.client.name} on Rendezvous` })).toBeVisible();
  await expect(page.getByText(`${world.admin.name} invited you as Client admin.`)).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel("Your full name")).toHaveValue("Camille Durand");
  await page.getByLabel("Your full name").fill("Camille Durand-Petit");
  await page.getByLabel("Choose a password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Accept the invitation" }).click();

  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("status")).toHaveText("Welcome to Rendezvous!");
  await expect(page.getByRole("heading", { level: 1, name: `${world.client.name}: your campaigns` })).toBeVisible();
  await expect(page.getByText("Welcome, Camille Durand-Petit.")).toBeVisible();
  await expect(page.getByRole("link", { name: world.campaign.name })).toBeVisible();

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("alert")).toHaveText(/This invitation has already been used\. Sign in instead\./);

  // The new account signs in with the password it chose.
  await openUserMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${world.client.name}: your campaigns` })).toBeVisible();
});

test("an admin invites from the Team page, naming the client company", async ({ page, world, login }) => {
  const email = inviteEmail();
  await login(world.admin);
  await page.goto("/team");
  await expect(page.getByRole("heading", { level: 1, name: `Team of ${world.agency.name}` })).toBeVisible();
  const form = await invite(page, { email, role: "Client member", client: world.client.name });
  await expect(form.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
  const row = page.getByRole("table", { name: "Pending invitations" }).getByRole("row").filter({ hasText: email });
  await expect(row.getByRole("cell", { name: world.client.name })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Client member" })).toBeVisible();

  const link = await readLinkOnEmailsPage(page, email, "/invitations/");
  await page.context().clearCookies(); // another browser: the link is the credential
  await page.goto(link);
  await page.getByLabel("Your full name").fill("Sam Client");
  await page.getByLabel("Choose a password").fill("another-long-password");
  await page.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${world.client.name}: your campaigns` })).toBeVisible();
  await expect(page.getByRole("link", { name: world.campaign.name })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Team" })).toHaveCount(0);
});

test("an expired invitation says so, and the Team page marks it expired", async ({ page, world, login, baseURL }) => {
  const email = inviteEmail();
  const { invitation, token } = await createInvitation(world.admin, { email, role: "CLIENT_ADMIN", clientCompanyId: world.client.id, locale: "en" }, baseURL!);
  await prisma.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });

  const res = await page.goto(`/invitations/${token}`);
  expect(res?.status()).toBe(410);
  await expect(page.getByRole("alert")).toHaveText(new RegExp(`This invitation has expired\\. Ask ${escapeRegExp(world.client.name)} to send a new one\\.`));
  await expect(page.getByRole("button", { name: "Accept the invitation" })).toHaveCount(0);

  await login(world.admin);
  await page.goto("/team");
  await expect(page.getByRole("row").filter({ hasText: email }).getByRole("cell", { name: "Expired" })).toBeVisible();
});

test("revoking from the Team page withdraws the link", async ({ page, world, login }) => {
  const email = inviteEmail();
  await login(world.admin);
  await page.goto("/team");
  await invite(page, { email, role: "Client admin", client: world.client.name });
  const link = linkIn((await lastEmailTo(email, "invitation")).text, "/invitations/");

  const pending = page.getByRole("table", { name: "Pending invitations" });
  const revoke = pending.getByRole("row").filter({ hasText: email });
  await hydrated(revoke.locator("summary"));
  await confirmAction(revoke, "Revoke", "Yes, revoke it", "stops working at once");
  await expect(pending.getByRole("row").filter({ hasText: email })).toHaveCount(0);

  await page.context().clearCookies();
  const res = await page.goto(link);
  expect(res?.status()).toBe(410);
  await expect(page.getByRole("alert")).toHaveText(/This invitation was withdrawn\./);
  await expect(page.getByLabel("Choose a password")).toHaveCount(0);
  // Nor can it be accepted by posting the form directly.
  const post = await page.request.post(link, { form: { name: "Mallory", password: "a-long-enough-password" }, maxRedirects: 0 });
  expect(post.status()).toBe(400);
  expect(await prisma.user.count({ where: { email } })).toBe(0);
});

test("resending sends a fresh link and retires the old one", async ({ page, world, login }) => {
  const email = inviteEmail();
  await login(world.admin);
  await page.goto(`/clients/${world.client.id}`);
  await invite(page, { email, role: "Client member" });
  const first = linkIn((await lastEmailTo(email, "invitation")).text, "/invitations/");

  const resend = page.getByRole("button", { name: `Resend the invitation to ${email}` });
  await hydrated(resend);
  await resend.click();
  await expect(page.getByRole("row").filter({ hasText: email }).getByRole("status")).toHaveText("Invitation sent again.");
  await expect.poll(() => prisma.emailOutbox.count({ where: { to: email, template: "invitation" } })).toBe(2);
  const second = await readLinkOnEmailsPage(page, email, "/invitations/");
  expect(second).not.toBe(first);

  await page.context().clearCookies();
  expect((await page.goto(first))?.status()).toBe(404);
  await expect(page.getByRole("alert")).toHaveText(/This invitation link is invalid\./);
  await page.goto(second);
  await page.getByLabel("Your full name").fill("Robin Resent");
  await page.getByLabel("Choose a password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${world.client.name}: your campaigns` })).toBeVisible();
});

test("accepting checks the name and the password length next to the fields", async ({ page, world, baseURL }) => {
  const { token } = await createInvitation(world.admin, { email: inviteEmail(), role: "CLIENT_MEMBER", clientCompanyId: world.client.id, locale: "en" }, baseURL!);
  await page.goto(`/invitations/${token}`);
  await page.getByLabel("Choose a password").fill("short");
  await page.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(page.getByRole("alert")).toHaveText("Please correct the fields marked below.");
  await expectFieldError(page, "Your full name", "This field is required.");
  await expectFieldError(page, "Choose a password", "Use at least 10 characters.");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("inviting and revoking still work, and come back to the page with the outcome", async ({ page, world, login }) => {
    const email = inviteEmail();
    await login(world.admin);
    await page.goto("/team");
    const form = page.getByRole("form", { name: "Invite someone" });
    await form.getByLabel("Email", { exact: true }).fill(email);
    await form.getByLabel("Role").selectOption({ label: "Client admin" });
    await form.getByLabel("Client company").selectOption({ label: world.client.name });
    await form.getByRole("button", { name: "Send the invitation" }).click();
    await expect(page).toHaveURL(/\/team$/);
    await expect(page.getByRole("status").filter({ hasText: "Invitation sent." })).toBeVisible();
    expect(await prisma.invitation.count({ where: { email, revokedAt: null } })).toBe(1);

    await confirmAction(page.getByRole("row").filter({ hasText: email }), "Revoke", "Yes, revoke it");
    await expect(page).toHaveURL(/\/team$/);
    await expect(page.getByRole("status").filter({ hasText: "Invitation revoked." })).toBeVisible();
    expect(await prisma.invitation.count({ where: { email, revokedAt: null } })).toBe(0);
  });
});

test("an invitation starts on the least-privileged role the inviter may grant", async ({ page, world, login }) => {
  const roleOf = async () => {
    const form = page.getByRole("form", { name: "Invite someone" });
    await expect(form).toBeVisible();
    return form.getByLabel("Role");
  };
  await login(world.admin);
  await page.goto("/team");
  // The agency's own team: an SDR, never another agency admin (the first option).
  await expect(await roleOf()).toHaveValue("SDR");
  await page.goto(`/clients/${world.client.id}`);
  await expect(await roleOf()).toHaveValue("CLIENT_MEMBER");

  await page.context().clearCookies();
  await login(world.clientAdmin);
  await page.goto("/team");
  await expect(await roleOf()).toHaveValue("CLIENT_MEMBER");
});
