// Billing in the browser: the client admin reads what accrued this month and the meetings behind it; a client
// member has no billing; the agency admin's pricing form says what is wrong next to the field. Plus screenshots.
import { test, expect, expectFieldError, screenshot } from "./fixtures";
import { billableMeeting, pricedWorld } from "../factories";

test("the client admin opens Billing and sees the accrued amount and each meeting, linked", async ({ page, login }) => {
  const { w, a } = await pricedWorld({ pricing: { locale: "en" } });
  await billableMeeting(w, a, new Date(), { prospectCompany: "Transports Morel" });
  await billableMeeting(w, a, new Date(), { prospectCompany: "Lumen Pharma" });
  await login(w.clientAdmin);
  await page.goto("/home");
  await page.getByRole("navigation").getByRole("link", { name: "Billing" }).click();
  await expect(page).toHaveURL(new RegExp(`/billing/${w.client.id}$`));
  await expect(page.getByRole("heading", { name: `Billing: ${w.client.name}` })).toBeVisible();
  const accrued = page.getByRole("region", { name: /accrued so far/ });
  // Retainer €1,500 + 2 meetings at €350.
  await expect(accrued.getByText("€2,200.00")).toBeVisible();
  await expect(accrued.getByText("Billable meetings (2)")).toBeVisible();
  await expect(page.getByText("Stripe is not connected")).toBeVisible();
  const link = accrued.getByRole("link", { name: "Lumen Pharma" });
  await link.click();
  await expect(page).toHaveURL(/\/campaigns\/.+\/meetings\/.+/);
  await expect(page.getByRole("heading", { name: "Sophie Laurent" })).toBeVisible();
});

test("a client member has no Billing: no link, and the page answers 404", async ({ page, login }) => {
  const { w } = await pricedWorld();
  await login(w.clientMember);
  await page.goto("/home");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Billing" })).toHaveCount(0);
  const res = await page.goto(`/billing/${w.client.id}`);
  expect(res?.status()).toBe(404);
  expect(await page.content()).not.toContain("€");
});

test("the agency admin edits pricing: a bad value gets its message next to the field, what was typed kept; a good one is saved", async ({ page, login }) => {
  const { w } = await pricedWorld();
  await login(w.admin);
  await page.goto(`/clients/${w.client.id}`);
  await page.getByRole("link", { name: "Billing and pricing" }).click();
  const form = page.getByRole("region", { name: "Pricing" });
  await form.getByLabel("Billing day of the month").fill("31");
  await form.getByLabel("Price per billable meeting").fill("-20");
  await form.getByLabel("VAT number").fill("FR12");
  await form.getByRole("button", { name: "Save pricing" }).click();
  await expectFieldError(page, "Billing day of the month", "Choose a day between 1 and 28.");
  await expectFieldError(page, "Price per billable meeting", "The amount cannot be negative.");
  await expectFieldError(page, "VAT number", "Enter a VAT number with its country prefix");
  await expect(form.getByLabel("Billing day of the month")).toHaveValue("31");
  await form.getByLabel("Billing day of the month").fill("12");
  await form.getByLabel("Price per billable meeting").fill("400");
  await form.getByLabel("VAT number").fill("FR40303265045");
  await form.getByRole("button", { name: "Save pricing" }).click();
  await expect(page.getByText("Pricing saved.")).toBeVisible();
  await expect(page.getByText(/From .+: retainer €1,500.00, €400.00 per meeting\./)).toBeVisible();
  await expect(form.getByLabel("Billing day of the month")).toHaveValue("12");
});

test("screenshots of the billing pages at 1366 and 390 px, in French and English", async ({ browser }) => {
  test.setTimeout(120_000);
  const { w, a } = await pricedWorld({ clientName: "Transports Morel et Fils" });
  for (let i = 0; i < 3; i++) await billableMeeting(w, a, new Date(), { prospectCompany: ["Groupe Vernet", "Lumen Pharma", "Métallerie Duval"][i] });
  // Last month's invoice as Stripe left it (paid, with a credit note), to see and check the invoices table.
  const { prisma } = await import("./fixtures");
  const past = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 15));
  const pastPeriod = past.toISOString().slice(0, 7);
  const inv = await prisma.invoice.create({
    data: {
      agencyId: w.agency.id, clientCompanyId: w.client.id, period: pastPeriod, status: "PAID", currency: "EUR", subtotal: 185_000, tax: 37_000, total: 222_000,
      amountPaid: 222_000, creditedAmount: 42_000, number: "RDV-0042", stripeInvoiceId: "in_screenshot", hostedInvoiceUrl: "https://invoice.stripe.test/i/in_screenshot",
      invoicePdf: "https://pay.stripe.test/invoice/in_screenshot/pdf", issuedAt: past, issuedNotifiedAt: past,
      creditNotes: { create: { stripeId: "cn_screenshot", number: "RDV-0042-CN1", amount: 42_000, status: "issued", pdf: "https://pay.stripe.test/cn/pdf" } },
    },
  });
  const item = await prisma.ledgerItem.findFirstOrThrow({ where: { clientCompanyId: w.client.id, kind: "MEETING" } });
  await prisma.ledgerItem.update({ where: { id: item.id }, data: { invoiceId: inv.id, stripeInvoiceItemId: "ii_screenshot" } });
  const { sessionCookieHeader } = await import("./fixtures");
  for (const locale of ["fr", "en"] as const) {
    for (const width of [1366, 390]) {
      for (const [who, path] of [["client", `/billing/${w.client.id}`], ["admin", `/billing/${w.client.id}`], ["agency", "/billing"]] as const) {
        const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: locale === "fr" ? "fr-FR" : "en-GB", timezoneId: "Europe/Paris" });
        const actor = who === "client" ? w.clientAdmin : w.admin;
        const cookie = (await sessionCookieHeader(actor)).split("=");
        await ctx.addCookies([{ name: cookie[0], value: cookie.slice(1).join("="), url: test.info().project.use.baseURL! }]);
        const page = await ctx.newPage();
        const errors: string[] = [];
        page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : null));
        await page.goto(path);
        if (who === "client" && locale === "en") {
          await expect(page.getByRole("link", { name: "PDF" })).toHaveAttribute("href", /in_screenshot\/pdf/);
          await expect(page.getByText("Credit note RDV-0042-CN1: €420.00")).toBeVisible();
          await page.getByRole("link", { name: "Meetings billed (1)" }).click();
          await expect(page.getByRole("heading", { name: /What invoice .+ bills/ })).toBeVisible();
        }
        await screenshot(page, `test-results/billing-shots/${who}-${locale}-${width}.png`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${who} ${locale} ${width}: page wider than the screen`).toBeLessThanOrEqual(0);
        expect(await page.content()).not.toMatch(/billing\.[a-zA-Z]+\.?[a-zA-Z]*</);
        expect(errors).toEqual([]);
        await ctx.close();
      }
    }
  }
});

test("the billing pages pass axe (WCAG 2 A and AA) in English and French", async ({ browser }) => {
  test.setTimeout(90_000);
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const { sessionCookieHeader } = await import("./fixtures");
  const { w, a } = await pricedWorld();
  await billableMeeting(w, a);
  const problems: string[] = [];
  for (const locale of ["en-GB", "fr-FR"]) {
    for (const [actor, path] of [[w.clientAdmin, `/billing/${w.client.id}`], [w.admin, `/billing/${w.client.id}`], [w.admin, "/billing"], [w.am, `/billing/${w.client.id}`]] as const) {
      const ctx = await browser.newContext({ locale, timezoneId: "Europe/Paris" });
      const cookie = (await sessionCookieHeader(actor)).split("=");
      await ctx.addCookies([{ name: cookie[0], value: cookie.slice(1).join("="), url: test.info().project.use.baseURL! }]);
      const page = await ctx.newPage();
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).setLegacyMode().options({ iframes: false, resultTypes: ["violations"] }).analyze();
      for (const v of results.violations) problems.push(`${locale} ${actor.role} ${path}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      await ctx.close();
    }
  }
  expect(problems).toEqual([]);
});
