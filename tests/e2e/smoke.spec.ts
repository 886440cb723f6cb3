import { test, expect } from "./fixtures";

test("an SDR signed in by fixture sees their campaign", async ({ page, world, login }) => {
  await login(world.sdr);
  await page.goto("/home");
  await expect(page.getByRole("link", { name: world.campaign.name })).toBeVisible();
});
