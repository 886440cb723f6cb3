// Issue 9, the send-back loop: the agency's home lists the versions the client sent back with changes requested,
// with the client's comment, so the AM knows what to revise.
import { requestVersionChanges } from "~/models/agreement/decisions.server";
import { proposedPersona } from "../factories";
import { expect, prisma, test } from "./fixtures";

test("the AM's home lists a version sent back, with the client's comment, in both languages and on a phone", async ({ page, world, login }) => {
  const persona = await proposedPersona(world.am, world.campaign.id);
  await requestVersionChanges(world.clientAdmin, world.campaign.id, "persona", persona.versionId, 1, "Add Belgium and the Netherlands", "http://portal.test");
  await login(world.am);
  await page.goto("/home");
  const list = page.getByRole("region", { name: "1 version sent back by the client with changes requested" });
  await expect(list).toBeVisible();
  await expect(list.getByText("Add Belgium and the Netherlands")).toBeVisible();
  await expect(list.getByRole("link", { name: /version 1$/ })).toHaveAttribute("href", new RegExp(`v=${persona.versionId}$`));
  for (const locale of ["en", "fr"] as const) {
    await prisma.user.update({ where: { id: world.am.userId }, data: { locale } });
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/home");
      if (locale === "fr") await expect(page.getByRole("region", { name: "1 version renvoyée par le client avec des modifications demandées" })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `test-results/sent-back/home-${locale}-${width}.png`, fullPage: true });
    }
  }
});
