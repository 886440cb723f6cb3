// The header at 1366 px: an agency admin's (the longest navigation) fits on one line, in English and in French, the
// account's pages and sign-out grouped under their name.
import { expect, openUserMenu, prisma, test } from "./fixtures";

for (const locale of ["en", "fr"] as const) {
  test(`an agency admin's header fits on one line at 1366 px (${locale})`, async ({ page, world, login }) => {
    await page.setViewportSize({ width: 1366, height: 800 });
    await prisma.user.update({ where: { id: world.admin.userId }, data: { locale } });
    await login(world.admin);
    await page.goto("/home");
    const header = page.locator("header").first();
    const logo = await header.getByRole("link", { name: "Rendezvous" }).boundingBox();
    const nav = await header.getByRole("navigation").boundingBox();
    const menu = await page.getByTestId("user-menu").locator("summary").boundingBox();
    expect(nav!.height, "the navigation holds on one line").toBeLessThan(48);
    expect(Math.abs(menu!.y + menu!.height / 2 - (logo!.y + logo!.height / 2)), "logo and account on the same line").toBeLessThan(12);
    await openUserMenu(page);
    await expect(page.getByTestId("user-menu").getByRole("link", { name: locale === "fr" ? /Paramètres de l.agence/ : "Agency settings" })).toBeVisible();
  });
}
