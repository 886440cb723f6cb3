// The billing pages through their real loaders and actions: who sees what (404 for the others), the pricing
// form's messages next to each field with what was typed kept, the ledger CSV.
import { loader as clientLoader, action as clientAction } from "~/routes/_app+/billing+/$clientId";
import { loader as agencyLoader } from "~/routes/_app+/billing+/_index";
import { loader as exportLoader } from "~/routes/_app+/billing+/export";
import { createSession, sessionCookie, type Actor } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { billableMeeting, pricedWorld } from "../factories";

async function req(actor: Actor, path: string, body?: Record<string, string>) {
  const s = await createSession(actor.userId);
  const headers = { Cookie: await sessionCookie.serialize(s.id) };
  return body ? new Request(`http://test${path}`, { method: "POST", body: new URLSearchParams(body), headers }) : new Request(`http://test${path}`, { headers });
}

async function status(p: Promise<unknown>) {
  try {
    const r = await p;
    return r instanceof Response ? r.status : 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

const goodForm = {
  intent: "pricing", currency: "EUR", retainerAmount: "1500", meetingPrice: "350,00", billingDay: "5", billingEmail: "factures@morel.test",
  addressLine1: "1 rue du Port", postalCode: "69002", city: "Lyon", country: "FR", vatNumber: "FR 40 303 265 045", taxRateBps: "2000", locale: "fr",
};

describe("billing routes", () => {
  test("the client admin reads their company's billing; members, SDRs and other tenants get 404", async () => {
    const { w, a } = await pricedWorld();
    const other = await pricedWorld();
    await billableMeeting(w, a);
    const params = { clientId: w.client.id };
    const ok = (await clientLoader({ request: await req(w.clientAdmin, `/billing/${w.client.id}`), params, context: {} })) as Response;
    const data = await ok.json();
    expect(data.accrued).toMatchObject({ meetingCount: 1, total: 150_000 + 35_000 });
    expect(data.agencySide).toBe(false);
    expect(data.connected).toBe(false);
    for (const actor of [w.clientMember, w.sdr, other.w.clientAdmin, other.w.admin, other.w.am]) {
      expect(await status(clientLoader({ request: await req(actor, `/billing/${w.client.id}`), params, context: {} }))).toBe(404);
    }
    expect(await status(clientLoader({ request: await req(w.am, `/billing/${w.client.id}`), params, context: {} }))).toBe(200);
    // The agency page: admin and AM; the client admin is sent to their company's page; the member gets 404.
    expect(await status(agencyLoader({ request: await req(w.admin, "/billing"), params: {}, context: {} }))).toBe(200);
    expect(await status(agencyLoader({ request: await req(w.am, "/billing"), params: {}, context: {} }))).toBe(200);
    expect(await status(agencyLoader({ request: await req(w.clientAdmin, "/billing"), params: {}, context: {} }))).toBe(302);
    for (const actor of [w.clientMember, w.sdr]) expect(await status(agencyLoader({ request: await req(actor, "/billing"), params: {}, context: {} }))).toBe(404);
    for (const actor of [w.clientMember, w.sdr, w.clientAdmin]) expect(await status(exportLoader({ request: await req(actor, "/billing/export"), params: {}, context: {} }))).toBe(404);
  });

  test("only the admin saves pricing; the AM is refused, client roles get 404", async () => {
    const { w } = await pricedWorld();
    const params = { clientId: w.client.id };
    expect(await status(clientAction({ request: await req(w.am, "/", goodForm), params, context: {} }))).toBe(403);
    for (const actor of [w.clientAdmin, w.clientMember, w.sdr]) expect(await status(clientAction({ request: await req(actor, "/", goodForm), params, context: {} }))).toBe(404);
    const r = (await clientAction({ request: await req(w.admin, "/", goodForm), params, context: {} })) as Response;
    expect(r.status).toBe(302);
    expect(await prisma.billingProfile.findUniqueOrThrow({ where: { clientCompanyId: w.client.id } })).toMatchObject({ billingDay: 5, city: "Lyon", vatNumber: "FR40303265045" });
  });

  test("negative prices, an unknown currency, a billing day outside 1-28, a malformed VAT number or email: a message next to each field, what was typed kept", async () => {
    const { w } = await pricedWorld();
    const params = { clientId: w.client.id };
    const bad = { ...goodForm, currency: "XYZ", retainerAmount: "-10", meetingPrice: "abc", billingDay: "31", billingEmail: "not-an-email", vatNumber: "FR123", [`campaignPrice_${w.campaign.id}`]: "-5" };
    const r = (await clientAction({ request: await req(w.admin, "/", bad), params, context: {} })) as Response;
    expect(r.status).toBe(400);
    const b = await r.json();
    expect(b.errors).toMatchObject({
      currency: ["billing.errors.currency"],
      retainerAmount: ["billing.errors.negative"],
      meetingPrice: ["billing.errors.amount"],
      billingDay: ["billing.errors.billingDay"],
      billingEmail: ["common.errors.email"],
      vatNumber: ["billing.errors.vat"],
      [`campaignPrice_${w.campaign.id}`]: ["billing.errors.negative"],
    });
    expect(b.values).toMatchObject({ retainerAmount: "-10", billingDay: "31", vatNumber: "FR123" });
    const zero = (await clientAction({ request: await req(w.admin, "/", { ...goodForm, billingDay: "0" }), params, context: {} })) as Response;
    expect((await zero.json()).errors.billingDay).toEqual(["billing.errors.billingDay"]);
    // A void without a reason: the message next to the reason.
    const v = (await clientAction({ request: await req(w.admin, "/", { intent: "void", itemId: "x", reason: " " }), params, context: {} })) as Response;
    expect(v.status).toBe(400);
    expect((await v.json()).errors.reason).toEqual(["common.errors.required"]);
  });

  test("the admin voids an item with a reason from the page", async () => {
    const { w, a } = await pricedWorld();
    const id = await billableMeeting(w, a);
    const item = await prisma.ledgerItem.findFirstOrThrow({ where: { meetingId: id } });
    const r = (await clientAction({ request: await req(w.admin, "/", { intent: "void", itemId: item.id, reason: "Goodwill gesture" }), params: { clientId: w.client.id }, context: {} })) as Response;
    expect(r.status).toBe(302);
    expect(await prisma.ledgerItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ voidReason: "Goodwill gesture" });
    expect(await prisma.ledgerItem.count({ where: { creditOfId: item.id, kind: "CREDIT" } })).toBe(1);
  });

  test("the ledger CSV has one row per item, with the filters of the page", async () => {
    const { w, a } = await pricedWorld();
    await billableMeeting(w, a);
    await billableMeeting(w, a);
    const other = await pricedWorld();
    await billableMeeting(other.w, other.a);
    const r = (await exportLoader({ request: await req(w.admin, `/billing/export?client=${w.client.id}&kind=MEETING`), params: {}, context: {} })) as Response;
    expect(r.headers.get("Content-Type")).toMatch(/text\/csv/);
    const lines = (await r.text()).trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^id,client,kind,period/);
    expect(lines[1]).toContain(",MEETING,");
    expect(lines[1]).toContain("35000,350,EUR");
  });
});
