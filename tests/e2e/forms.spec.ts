// Bad input: every form answers with a message next to the field, keeps what was typed, and never a 500
// (the auto fixture fails any test that sees a 5xx). Unknown URLs get the 404 page.
import { DEFAULT_PASSWORD, unique } from "../factories";
import { expect, expectFieldError, hydrated, prisma, test } from "./fixtures";

const CORRECT = "Please correct the fields marked below.";

test.describe("sign-in", () => {
  // A network address of its own, so these failures do not count against the rest of the suite's sign-ins.
  test.use({ extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${1 + Math.floor(Math.random() * 250)}` } });

  test("empty fields and a malformed email are flagged next to the fields", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText(CORRECT);
    await expectFieldError(page, "Email", "This field is required.");
    await expectFieldError(page, "Password", "This field is required.");

    await page.getByLabel("Email", { exact: true }).fill("jane.doe@");
    await page.getByLabel("Password", { exact: true }).fill("whatever-it-is");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectFieldError(page, "Email", "Enter a valid email address, such as name@company.com.");
    await expect(page.getByLabel("Password", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("jane.doe@");
  });

  test("five wrong passwords, then sign-in is refused for a while, even with the right one", async ({ page, world }) => {
    const user = world.clientMember;
    await page.goto("/login");
    // Each attempt waits for its own answer: the message is the same every time, so the text alone proves nothing.
    const submit = async (password: string) => {
      await page.getByLabel("Email", { exact: true }).fill(user.email);
      await page.getByLabel("Password", { exact: true }).fill(password);
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      return answer.status();
    };
    for (let i = 1; i <= 5; i++) {
      expect(await submit(`wrong-password-${i}`), `attempt ${i}`).toBe(400);
      await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
    }
    expect(await submit(DEFAULT_PASSWORD)).toBe(429);
    await expect(page.getByRole("alert")).toHaveText("Too many failed attempts. Wait a little (longer after each failure) and try again, or reset your password.");
    await expect(page).toHaveURL(/\/login/);
  });
});

test("creating a client: empty and overlong names are flagged next to the field, typed values stay", async ({ page, world, login }) => {
  await login(world.admin);
  await page.goto("/clients");
  await page.getByRole("link", { name: "New client" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New client" })).toBeVisible();

  await page.getByLabel("Website").fill("https://acme.example");
  await page.getByLabel("Billing currency").selectOption("USD");
  await page.getByLabel("Account manager").selectOption({ label: world.am.name });
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("alert")).toHaveText(CORRECT);
  await expectFieldError(page, "Company name", "This field is required.");
  await expect(page.getByLabel("Website")).toHaveValue("https://acme.example");
  await expect(page.getByLabel("Billing currency")).toHaveValue("USD");
  await expect(page.getByLabel("Account manager")).toHaveValue(world.am.userId);

  // The browser stops at 120 characters; a client that does not (an old browser, a script) meets the server's check.
  const name = page.getByLabel("Company name");
  const long = "N".repeat(200);
  await name.fill(long);
  await expect(name).toHaveValue("N".repeat(120));
  await name.evaluate((el) => el.removeAttribute("maxlength"));
  await name.fill(long);
  await page.getByLabel("Website").fill("not a url");
  await page.getByRole("button", { name: "Create" }).click();
  await expectFieldError(page, "Company name", "This is too long (at most 120 characters).");
  await expectFieldError(page, "Website", "Enter a full web address, such as https://example.com.");
  await expect(name).toHaveValue(long);
  await expect(page.getByLabel("Billing currency")).toHaveValue("USD");
  expect(await prisma.clientCompany.count({ where: { agencyId: world.agency.id } })).toBe(1);

  // A name already used in the agency.
  await name.fill(world.client.name);
  await page.getByLabel("Website").fill("");
  await page.getByRole("button", { name: "Create" }).click();
  await expectFieldError(page, "Company name", "This name is already used.");

  const fresh = unique("Acme");
  await name.fill(fresh);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("status")).toHaveText("Client created.");
  await expect(page.getByRole("heading", { level: 1, name: fresh })).toBeVisible();
});

test("a campaign cannot end before it starts (new and edit), and typed values stay", async ({ page, world, login }) => {
  await login(world.am);
  await page.goto("/campaigns/new");
  await page.getByLabel("Client").selectOption({ label: world.client.name });
  const campaignName = unique("Spring push");
  await page.getByLabel("Campaign name").fill(campaignName);
  await page.getByLabel("Description").fill("Mid-market logistics");
  await page.getByLabel("Start date").fill("2026-03-10");
  await page.getByLabel("End date").fill("2026-03-01");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("alert")).toHaveText(CORRECT);
  await expectFieldError(page, "End date", "The end date must be on or after the start date.");
  await expect(page.getByLabel("Campaign name")).toHaveValue(campaignName);
  await expect(page.getByLabel("Description")).toHaveValue("Mid-market logistics");
  await expect(page.getByLabel("Start date")).toHaveValue("2026-03-10");
  await expect(page.getByLabel("End date")).toHaveValue("2026-03-01");
  await expect(page.getByLabel("Client")).toHaveValue(world.client.id);

  await page.getByLabel("Campaign name").fill("");
  await page.getByLabel("End date").fill("2026-06-30");
  await page.getByRole("button", { name: "Create" }).click();
  await expectFieldError(page, "Campaign name", "This field is required.");
  await expect(page.getByLabel("End date")).not.toHaveAttribute("aria-invalid", "true");

  // The same rule when editing.
  await page.goto(`/campaigns/${world.campaign.id}/settings`);
  await page.getByLabel("Start date").fill("2026-05-01");
  await page.getByLabel("End date").fill("2026-04-01");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expectFieldError(page, "End date", "The end date must be on or after the start date.");
  await expect(page.getByLabel("Start date")).toHaveValue("2026-05-01");
  expect((await prisma.campaign.findUniqueOrThrow({ where: { id: world.campaign.id } })).startDate).toBeNull();
});

test("an invitation to a malformed or already-member email is flagged next to the Email field", async ({ page, world, login }) => {
  await login(world.admin);
  await page.goto("/team");
  const form = page.getByRole("form", { name: "Invite someone" });
  await hydrated(form);
  await form.getByLabel("Email", { exact: true }).fill("someone@");
  await form.getByLabel("Name", { exact: true }).fill("Some One");
  await form.getByLabel("Role").selectOption({ label: "SDR" });
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(form.getByRole("alert")).toHaveText(CORRECT);
  await expectFieldError(form, "Email", "Enter a valid email address, such as name@company.com.");
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Some One");
  await expect(form.getByLabel("Role")).toHaveValue("SDR");

  await form.getByLabel("Email", { exact: true }).fill(world.sdr.email);
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expectFieldError(form, "Email", "This person already has access.");

  // A client role needs a client company.
  await form.getByLabel("Email", { exact: true }).fill(`${unique("nocompany")}@example.test`);
  await form.getByLabel("Role").selectOption({ label: "Client admin" });
  await form.getByLabel("Client company").selectOption({ label: "The agency itself" });
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expectFieldError(form, "Client company", "This field is required.");
  expect(await prisma.invitation.count({ where: { agencyId: world.agency.id } })).toBe(0);
});

test("input no browser form would send is refused with 400, never a 500", async ({ request, world, cookieFor }) => {
  const Cookie = await cookieFor(world.admin);
  const settings = `/campaigns/${world.campaign.id}/settings`;
  const client = `/clients/${world.client.id}`;
  const CASES: { path: string; form: Record<string, string>; why: string }[] = [
    { path: settings, form: { intent: "update", name: "Ok", startDate: "0000-01-01" }, why: "year 0000" },
    { path: settings, form: { intent: "update", name: "Ok", endDate: "2026-02-30" }, why: "a day that does not exist" },
    { path: settings, form: { intent: "update", name: "Ok", startDate: "10000-01-01" }, why: "a five-digit year" },
    { path: settings, form: { intent: "assign", sdrIds: "x".repeat(41) }, why: "an overlong id" },
    { path: client, form: { name: "Nul\u0000byte", currency: "EUR" }, why: "a NUL character" },
    { path: client, form: { name: "Ok", currency: "XYZ" }, why: "an unknown currency" },
    { path: client, form: { name: "Ok", currency: "EUR", website: "javascript:alert(1)" }, why: "a javascript: website" },
    { path: "/invitations", form: { intent: "invite", email: "a@b.test", role: "OWNER", locale: "en" }, why: "an unknown role" },
    { path: "/invitations", form: { intent: "nonsense" }, why: "an unknown intent" },
  ];
  for (const c of CASES) {
    const res = await request.post(c.path, { headers: { Cookie }, form: c.form, maxRedirects: 0 });
    expect(res.status(), c.why).toBe(400);
  }
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: world.campaign.id } });
  expect(campaign.name).toBe(world.campaign.name);
});

test.describe("unknown addresses", () => {
  const PATHS = ["/no-such-page", "/clients/no-such-id/whatever", "/emails/x/y/z"];
  for (const path of PATHS) {
    test(`${path} shows the 404 page`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Back to home" })).toBeVisible();
    });
  }

  test("a signed-in user asking for records that do not exist gets the 404 page, not an error", async ({ page, world, login }) => {
    await login(world.admin);
    for (const path of ["/clients/does-not-exist", "/campaigns/does-not-exist", "/campaigns/does-not-exist/settings", "/emails/does-not-exist", "/nothing/here"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      // Still inside the portal: the header and navigation are there.
      await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
    }
  });

  test("a role without access gets the 403 page", async ({ page, world, login }) => {
    await login(world.clientMember);
    const res = await page.goto("/clients");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  });
});
