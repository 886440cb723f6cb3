// Team management as a client admin would do it: a colleague who left is deactivated after a confirmation that says
// what happens (their open session ends at once, they cannot sign in again), then reactivated; an agency admin
// changes an SDR's role. In French and English, on a desktop and a phone.
import { expect, prisma, test } from "./fixtures";
import { DEFAULT_PASSWORD } from "../factories";

test.describe("in French, at 390 px", () => {
  test.use({ locale: "fr-FR", viewport: { width: 390, height: 844 } });

  test("a client admin deactivates a colleague who left: their session ends, their sign-in is refused, then reactivates them", async ({ page, world, login, browser }) => {
    await prisma.user.updateMany({ where: { id: { in: [world.clientAdmin.userId, world.clientMember.userId] } }, data: { locale: "fr" } });
    // The colleague is signed in in another browser.
    const theirContext = await browser.newContext({ locale: "fr-FR" });
    const theirs = await theirContext.newPage();
    await login(world.clientMember, theirs);
    await theirs.goto("/home");
    await expect(theirs).toHaveURL(/\/home$/);

    await login(world.clientAdmin);
    await page.goto("/team");
    await page.getByRole("link", { name: `Gérer l'accès de ${world.clientMember.name}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: world.clientMember.name })).toBeVisible();
    await page.getByRole("link", { name: `Désactiver ${world.clientMember.name}` }).click();
    const dialog = page.getByRole("alertdialog", { name: `Désactiver ${world.clientMember.name}\u202f?` });
    await expect(dialog).toContainText("déconnecté(e) partout");
    // Keeping their access changes nothing.
    await dialog.getByRole("link", { name: "Garder son accès" }).click();
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: world.clientMember.membershipId } })).deactivatedAt).toBeNull();

    await page.getByRole("link", { name: `Désactiver ${world.clientMember.name}` }).click();
    await page.getByRole("button", { name: "Oui, désactiver et déconnecter" }).click();
    await expect(page.getByRole("status")).toHaveText("Membre désactivé\u202f: ses sessions sont terminées.");
    await expect(page.getByText(/^Désactivé le /)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Their next page sends them to sign-in, and signing in says why it fails.
    await theirs.goto("/home");
    await expect(theirs).toHaveURL(/\/login/);
    await theirs.getByLabel("E-mail").fill(world.clientMember.email);
    await theirs.getByLabel("Mot de passe").fill(DEFAULT_PASSWORD);
    await theirs.getByRole("button", { name: "Se connecter" }).click();
    await expect(theirs.getByText("Votre accès a été désactivé par un administrateur de votre organisation.", { exact: false })).toBeVisible();
    await expect(theirs).toHaveURL(/\/login/);

    // The team list says so; reactivating gives the access back.
    await page.goto("/team");
    await expect(page.getByRole("row").filter({ hasText: world.clientMember.email })).toContainText("Désactivé");
    await page.getByRole("link", { name: `Gérer l'accès de ${world.clientMember.name}` }).click();
    await page.getByRole("button", { name: `Réactiver ${world.clientMember.name}` }).click();
    await expect(page.getByRole("status")).toHaveText("Membre réactivé\u202f: il ou elle peut de nouveau se connecter.");
    await theirs.getByLabel("E-mail").fill(world.clientMember.email);
    await theirs.getByLabel("Mot de passe").fill(DEFAULT_PASSWORD);
    await theirs.getByRole("button", { name: "Se connecter" }).click();
    await expect(theirs).toHaveURL(/\/home$/);
    await theirContext.close();
  });
});

test("an agency admin makes an SDR an account manager; the role select offers the agency's roles only", async ({ page, world, login }) => {
  await login(world.admin);
  await page.goto(`/team/${world.sdr.membershipId}`);
  const select = page.getByLabel("New role");
  await expect(select.locator("option")).toHaveText(["Agency admin", "Account manager", "SDR"]);
  await select.selectOption({ label: "Account manager" });
  await page.getByRole("button", { name: "Change the role" }).click();
  await expect(page.getByRole("status")).toHaveText("Role changed: it applies from their next page.");
  await expect(page.getByText(/· Account manager ·/)).toBeVisible();
  // Another agency admin's own page is not reachable for themselves.
  const response = await page.goto(`/team/${world.admin.membershipId}`);
  expect(response?.status()).toBe(404);
});
