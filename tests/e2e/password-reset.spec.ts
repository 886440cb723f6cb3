// Forgot password: ask for a link, follow it from the outbox, choose a new password, and the link is spent.
import { DEFAULT_PASSWORD } from "../factories";
import { expect, expectFieldError, lastEmailTo, linkIn, openUserMenu, test } from "./fixtures";

test("a user resets a forgotten password through the emailed link", async ({ page, world, request }) => {
  const user = world.clientMember;
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(user.email.toUpperCase());
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toHaveText(/If an account exists for this email, a reset link is on its way\./);

  const email = await lastEmailTo(user.email, "password-reset");
  expect(email.subject).toBe("Reset your Rendezvous password");
  const link = linkIn(email.text, "/reset-password/");

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password").fill("brand-new-password-42");
  await page.getByLabel("Confirm the password").fill("brand-new-password-42");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("status")).toHaveText("Your password was changed. You are signed in.");
  await expect(page.getByRole("heading", { level: 1, name: `${world.client.name}: your campaigns` })).toBeVisible();

  // The link is spent.
  await page.goto(link);
  await expect(page.getByRole("alert")).toHaveText(/This reset link is invalid, expired or already used\. Ask for a new one\./);
  await expect(page.getByLabel("New password")).toHaveCount(0);
  const replay = await request.post(link, { form: { password: "yet-another-password", confirm: "yet-another-password" }, maxRedirects: 0 });
  expect(replay.status()).toBe(400);

  // The old password no longer works, the new one does.
  await openUserMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(DEFAULT_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  await page.getByLabel("Password", { exact: true }).fill("brand-new-password-42");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
});

test("an unknown email gets the same answer and no email", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email", { exact: true }).fill("nobody-here@example.test");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toHaveText(/If an account exists for this email, a reset link is on its way\./);
  await expect(lastEmailTo("nobody-here@example.test")).rejects.toThrow();
});

test("the reset form checks its fields next to them", async ({ page, world }) => {
  await page.goto("/forgot-password");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expectFieldError(page, "Email", "This field is required.");
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expectFieldError(page, "Email", "Enter a valid email address, such as name@company.com.");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("not-an-email");

  await page.getByLabel("Email", { exact: true }).fill(world.am.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await page.goto(linkIn((await lastEmailTo(world.am.email, "password-reset")).text, "/reset-password/"));

  await page.getByLabel("New password").fill("brand-new-password-42");
  await page.getByLabel("Confirm the password").fill("brand-new-password-24");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Please correct the fields marked below.");
  await expectFieldError(page, "Confirm the password", "The two passwords differ.");

  await page.getByLabel("New password").fill("short");
  await page.getByLabel("Confirm the password").fill("short");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expectFieldError(page, "New password", "Use at least 10 characters.");
  await expect(page).toHaveURL(/\/reset-password\//);
});

test("a made-up reset link is refused", async ({ page }) => {
  await page.goto("/reset-password/not-a-real-token");
  await expect(page.getByRole("alert")).toHaveText(/This reset link is invalid, expired or already used\./);
  await expect(page.getByRole("link", { name: "Send the link" })).toBeVisible();
});
