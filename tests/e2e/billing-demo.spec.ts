// The demo as `npm run demo` seeds it (no Stripe keys): the demo client admin and the agency admin sign in through
// the form with the demo password and read the past invoices the real billing run and webhook route produced.
import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { prisma } from "~/utils/db.server";
import { test, expect, screenshot } from "./fixtures";

const PASSWORD = "rendezvous-demo";

/** Full-page screenshots at 1366 and 390 px, to look at. */
async function shoot(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, test.info().outputPath(`demo-billing-${name}-${width}.png`));
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // The real seed script, in its own process, on the e2e database (a second run is a no-op).
  execFileSync("npx", ["tsx", "prisma/seed.ts"], { env: { ...process.env, STRIPE_SECRET_KEY: "" }, stdio: "pipe" });
});

/** Through the login form, in the browser's language. */
async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel(/^(Email|E-mail)$/).fill(email);
  await page.getByLabel(/^(Password|Mot de passe)$/).fill(PASSWORD);
  await page.getByRole("button", { name: /^(Sign in|Se connecter)$/ }).click();
  await expect(page).toHaveURL(/\/home$/);
}

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });
  test("the demo client admin reads Acme's invoices: one paid, the latest one's payment failed, with its lines", async ({ page }) => {
    await signIn(page, "sophie.durand@acme-logistique.test");
    await page.getByRole("navigation").getByRole("link", { name: /Facturation/ }).click();
    const invoices = page.getByRole("region", { name: "Factures" });
    await expect(invoices.getByText("Payée")).toHaveCount(1);
    await expect(invoices.getByText("Paiement échoué")).toHaveCount(1);
    await expect(invoices.getByText(/^FAKE-/)).toHaveCount(2);
    await expect(invoices.getByRole("link", { name: "Payer" })).toHaveCount(1);
    await expect(invoices.getByRole("link", { name: "PDF" })).toHaveCount(2);
    await expect(page.getByText(/Stripe n.est pas connecté/)).toBeVisible();
    // The failed invoice lists the meetings it bills, each linked.
    await invoices.getByRole("link", { name: "Rendez-vous facturés (5)" }).click();
    await expect(invoices.getByRole("heading", { name: /Ce que facture la période octobre|Ce que facture la période/ })).toBeVisible();
    await expect(invoices.getByRole("link", { name: "Groupe Vernet" })).toBeVisible();
    await shoot(page, "client-fr");
  });
});

test("the demo agency admin sees the open and failed invoices on the agency's billing page (English)", async ({ page }) => {
  const admin = await prisma.user.findFirstOrThrow({ where: { email: "admin@pipeline-partners.test" } });
  await prisma.user.update({ where: { id: admin.id }, data: { locale: "en" } });
  try {
    await signIn(page, admin.email);
    await page.goto("/billing");
    const unpaid = page.getByRole("region", { name: "Open and overdue invoices" });
    await expect(unpaid.getByRole("link", { name: "Acme Logistique" })).toBeVisible();
    await expect(unpaid.getByText("Payment failed")).toBeVisible();
    await expect(unpaid.getByRole("link", { name: "Nordwind Software" })).toBeVisible();
    await unpaid.getByRole("link", { name: "Nordwind Software" }).click();
    const invoices = page.getByRole("region", { name: "Invoices" });
    await expect(invoices.getByText("Paid").first()).toBeVisible();
    await expect(invoices.getByText("Open", { exact: true })).toHaveCount(1);
    await shoot(page, "agency-client-en");
  } finally {
    await prisma.user.update({ where: { id: admin.id }, data: { locale: "fr" } });
  }
});
