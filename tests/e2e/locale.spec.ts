// Language: the header switch (saved on the user, so it follows them to another browser) and Accept-Language.
import { expect, prisma, openUserMenu, test } from "./fixtures";

test("a user switches to French in the header; it stays French on the next page and the next session", async ({ page, world, login }) => {
  await login(world.am);
  await page.goto("/home");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const language = page.getByRole("form", { name: "Language" });
  await expect(language.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");

  await language.getByRole("button", { name: "Français" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1, name: `${world.agency.name} : accueil agence` })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("form", { name: "Langue" }).getByRole("button", { name: "Français" })).toHaveAttribute("aria-pressed", "true");
  await openUserMenu(page);
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  await nav.getByRole("link", { name: "Équipe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Équipe de ${world.agency.name}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Inviter quelqu'un" })).toBeVisible();
  await nav.getByRole("link", { name: "Campagnes" }).click();
  await expect(page.getByRole("columnheader", { name: "Nom de la campagne" })).toBeVisible();

  // Saved on the user: a new session without the language cookie is French too.
  expect((await prisma.user.findUniqueOrThrow({ where: { id: world.am.userId } })).locale).toBe("fr");
  await login(world.am); // clears every cookie, the language one included
  await page.goto("/home");
  await expect(page.getByRole("heading", { level: 1, name: `${world.agency.name} : accueil agence` })).toBeVisible();

  // And back.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${world.agency.name}: agency home` })).toBeVisible();
});

test("a signed-out visitor can switch the sign-in page to French", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connexion à Rendezvous" })).toBeVisible();
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveAccessibleDescription("Ce champ est obligatoire.");
});

test.describe("with a French browser", () => {
  test.use({ locale: "fr-FR" });

  test("the sign-in page is in French", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Connexion à Rendezvous" })).toBeVisible();
    await expect(page.getByLabel("Mot de passe", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Mot de passe oublié ?" })).toBeVisible();
  });

  test("a user's saved choice wins over the browser's language", async ({ page, world, login }) => {
    await prisma.user.update({ where: { id: world.clientAdmin.userId }, data: { locale: "en" } });
    await login(world.clientAdmin);
    await page.goto("/home");
    await expect(page.getByRole("heading", { level: 1, name: `${world.client.name}: your campaigns` })).toBeVisible();
  });
});
