// Screenshots of the API settings pages (not committed).
import { chromium } from "@playwright/test";
const base = process.argv[2];
const cookieAdmin = process.argv[3];
const cookieClient = process.argv[4];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const errors = [];
for (const [who, cookie] of [["admin", cookieAdmin], ["client", cookieClient]]) {
  for (const locale of ["fr", "en"]) {
    for (const width of [1366, 390]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: "Europe/Paris", locale: locale === "fr" ? "fr-FR" : "en-GB" });
      await ctx.addCookies([{ name: "rdv_session", value: cookie, url: base }]);
      const page = await ctx.newPage();
      page.on("console", (m) => m.type() === "error" && errors.push(`${who} ${locale} ${width}: ${m.text()}`));
      await page.goto(`${base}/settings/api`);
      await page.getByRole("button", { name: locale === "fr" ? "Français" : "English" }).click();
      await page.waitForTimeout(600);
      if (who === "admin" && width === 1366) {
        await page.getByRole("button", { name: locale === "fr" ? "Créer la clé" : "Create the key" }).click();
        await page.waitForTimeout(500);
        await page.screenshot({ path: `shot-${who}-${locale}-${width}-errors.png`, fullPage: true });
        await page.getByLabel(locale === "fr" ? "Nom" : "Name").fill("HubSpot sync");
        await page.locator('input[name="scopes"]').first().check();
        await page.getByRole("button", { name: locale === "fr" ? "Créer la clé" : "Create the key" }).click();
        await page.waitForTimeout(800);
      }
      await page.locator("details summary").first().click().catch(() => {});
      await page.screenshot({ path: `shot-${who}-${locale}-${width}.png`, fullPage: true });
      if (who === "admin") {
        await page.goto(`${base}/settings/api/reference`);
        await page.screenshot({ path: `shot-ref-${locale}-${width}.png`, fullPage: false });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        if (overflow) errors.push(`ref ${locale} ${width} overflows`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      if (overflow) errors.push(`${who} ${locale} ${width} overflows`);
      await ctx.close();
    }
  }
}
console.log(errors.join("\n") || "no console error, no overflow");
await browser.close();
