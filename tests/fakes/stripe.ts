// A local fake of the Stripe API endpoints we call, reached through the real SDK (host/port/protocol). It keeps
// objects in memory, parses form-encoded bodies like Stripe, honours Idempotency-Key like Stripe (the first result
// of a key is replayed; a key reused with other parameters is a 400), can fail or time out on a share of calls,
// and records the events Stripe would send, which tests sign with the SDK's test header helper.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Obj = Record<string, any>;
export type FakeEvent = { id: string; type: string; created: number; object: Obj };

/** Parses Stripe's form encoding (a[b][0][c]=x) into nested objects and arrays. */
export function parseForm(body: string): Obj {
  const out: Obj = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, "").split("[");
    let cur: any = out;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
      if (last) cur[part] = value;
      else cur = cur[part] ??= nextIsIndex ? [] : {};
    });
  }
  return out;
}

type Options = { failRate?: number; timeoutRate?: number; hangMs?: number; seed?: number; webhookSecret?: string };

export class FakeStripe {
  customers = new Map<string, Obj>();
  taxRates = new Map<string, Obj>();
  invoiceItems = new Map<string, Obj>();
  invoices = new Map<string, Obj>();
  creditNotes = new Map<string, Obj>();
  events: FakeEvent[] = [];
  /** Every API call received (method, path), retries included. */
  calls: { method: string; path: string; idempotencyKey: string | null; outcome: "ok" | "failed" | "timeout" | "replayed" | "error" }[] = [];
  failRate = 0;
  timeoutRate = 0;
  hangMs = 1500;
  webhookSecret: string;
  private idempotency = new Map<string, { fingerprint: string; status: number; body: string }>();
  private seq = 0;
  private rand: () => number;
  private server?: http.Server;
  private sockets = new Set<import("node:net").Socket>();
  port = 0;
  clock = () => Math.floor(Date.now() / 1000);

  constructor(opts: Options = {}) {
    this.failRate = opts.failRate ?? 0;
    this.timeoutRate = opts.timeoutRate ?? 0;
    this.hangMs = opts.hangMs ?? 1500;
    this.webhookSecret = opts.webhookSecret ?? "whsec_test_fake";
    let s = opts.seed ?? 42;
    this.rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  }

  async start() {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  async stop() {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** The environment that points the app's Stripe client here. */
  env(extra: Record<string, string> = {}) {
    return {
      STRIPE_SECRET_KEY: "sk_test_fake",
      STRIPE_WEBHOOK_SECRET: this.webhookSecret,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: String(this.port),
      STRIPE_API_PROTOCOL: "http",
      ...extra,
    };
  }

  private id(prefix: string) {
    this.seq += 1;
    return `${prefix}_fake${this.seq.toString(36).padStart(6, "0")}`;
  }

  private emit(type: string, object: Obj) {
    this.events.push({ id: this.id("evt"), type, created: this.clock(), object: structuredClone(object) });
  }

  /** A webhook body and a valid Stripe-Signature header for one event (timestamp: now, unless given). */
  signed(e: FakeEvent, opts: { timestamp?: number; secret?: string } = {}) {
    const payload = JSON.stringify({ id: e.id, object: "event", api_version: "2026-10-28.endive", created: e.created, type: e.type, data: { object: e.object }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null } });
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? this.webhookSecret, timestamp: opts.timestamp });
    return { payload, header };
  }

  // -------------------------------------------------------------------------------------------------------------
  // HTTP

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json", "Request-Id": this.id("req") });
      res.end(typeof payload === "string" ? payload : JSON.stringify(payload));
    };
    if (!/^Bearer sk_/.test(String(req.headers.authorization ?? ""))) {
      this.calls.push({ method, path: url.pathname, idempotencyKey: key, outcome: "error" });
      return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
    }
    // A failure before Stripe starts executing (a load balancer's 503): nothing done, nothing saved for the key.
    if (this.rand() < this.failRate) {
      this.calls.push({ method, path: url.pathname, idempotencyKey: key, outcome: "failed" });
      return send(503, { error: { type: "api_error", message: "Fake outage" } });
    }
    const fingerprint = `${method} ${url.pathname} ${body}`;
    if (key && method === "POST") {
      const saved = this.idempotency.get(key);
      if (saved) {
        if (saved.fingerprint !== fingerprint) {
          this.calls.push({ method, path: url.pathname, idempotencyKey: key, outcome: "error" });
          return send(400, { error: { type: "idempotency_error", message: "Keys for idempotent requests can only be used with the same parameters they were first used with." } });
        }
        this.calls.push({ method, path: url.pathname, idempotencyKey: key, outcome: "replayed" });
        res.writeHead(saved.status, { "Content-Type": "application/json", "Idempotent-Replayed": "true" });
        return res.end(saved.body);
      }
    }
    let status = 200;
    let out: unknown;
    try {
      out = this.route(method, url, parseForm(body));
    } catch (e) {
      status = e instanceof ApiError ? e.status : 500;
      out = { error: { type: "invalid_request_error", message: e instanceof Error ? e.message : String(e) } };
    }
    const text = JSON.stringify(out);
    if (key && method === "POST") this.idempotency.set(key, { fingerprint, status, body: text });
    // A timeout after Stripe executed the call: the result is saved for the key, the response never arrives.
    if (this.rand() < this.timeoutRate) {
      this.calls.push({ method, path: url.pathname, idempotencyKey: key, outcome: "timeout" });
      setTimeout(() => res.destroy(), this.hangMs);
      return;
    }
    this.calls.push({ method, path: url.pathname, idempotencyKey: key, outcome: status < 300 ? "ok" : "error" });
    send(status, text);
  }

  private route(method: string, url: URL, p: Obj): unknown {
    const parts = url.pathname.split("/").filter(Boolean); // ["v1", "invoices", id, action]
    const [, resource, id, action] = parts;
    const q = Object.fromEntries(url.searchParams);
    switch (`${method} ${resource}${id ? "/:id" : ""}${action ? `/${action}` : ""}`) {
      case "POST customers":
        return this.createCustomer(p);
      case "POST customers/:id":
        return this.update(this.customers, id, p);
      case "GET customers/:id":
        return this.get(this.customers, id);
      case "POST tax_rates":
        return this.put(this.taxRates, { id: this.id("txr"), object: "tax_rate", active: true, display_name: p.display_name, percentage: Number(p.percentage), inclusive: p.inclusive === "true", country: p.country ?? null, metadata: p.metadata ?? {} });
      case "POST invoiceitems":
        return this.createInvoiceItem(p);
      case "POST invoices":
        return this.createInvoice(p);
      case "GET invoices":
        return list([...this.invoices.values()].filter((i) => !q.customer || i.customer === q.customer), "/v1/invoices");
      case "GET invoices/:id":
        return this.get(this.invoices, id);
      case "GET invoices/:id/lines":
        return list(this.get(this.invoices, id).lines.data, `/v1/invoices/${id}/lines`);
      case "POST invoices/:id/finalize":
        return this.finalize(id);
      case "POST invoices/:id/send":
        return this.sendInvoice(id);
      case "POST credit_notes":
        return this.createCreditNote(p);
      case "GET credit_notes":
        return list([...this.creditNotes.values()].filter((c) => !q.invoice || c.invoice === q.invoice), "/v1/credit_notes");
      default:
        throw new ApiError(404, `Unrecognized request URL (${method}: ${url.pathname})`);
    }
  }

  private put(map: Map<string, Obj>, o: Obj) {
    map.set(o.id, o);
    return o;
  }

  private get(map: Map<string, Obj>, id: string) {
    const o = map.get(id);
    if (!o) throw new ApiError(404, `No such object: '${id}'`);
    return o;
  }

  private update(map: Map<string, Obj>, id: string, p: Obj) {
    const o = this.get(map, id);
    Object.assign(o, p);
    return o;
  }

  private createCustomer(p: Obj) {
    const c: Obj = { id: this.id("cus"), object: "customer", name: p.name ?? null, email: p.email ?? null, address: p.address ?? null, preferred_locales: p.preferred_locales ?? [], metadata: p.metadata ?? {}, tax_ids: { object: "list", data: [] } };
    for (const t of p.tax_id_data ?? []) {
      if (t.type === "eu_vat" && !/^[A-Z]{2}[0-9A-Z]{2,13}$/.test(t.value)) throw new ApiError(400, "Invalid value for eu_vat.");
      c.tax_ids.data.push({ id: this.id("txi"), object: "tax_id", type: t.type, value: t.value });
    }
    this.emit("customer.created", c);
    return this.put(this.customers, c);
  }

  private createInvoiceItem(p: Obj) {
    this.get(this.customers, p.customer);
    const amount = Number(p.amount);
    if (!Number.isInteger(amount)) throw new ApiError(400, "Invalid integer: amount");
    const ii: Obj = { id: this.id("ii"), object: "invoiceitem", customer: p.customer, amount, currency: p.currency, description: p.description ?? null, metadata: p.metadata ?? {}, invoice: p.invoice ?? null, period: { start: Number(p.period?.start ?? 0), end: Number(p.period?.end ?? 0) } };
    if (ii.invoice) {
      const inv = this.get(this.invoices, ii.invoice);
      if (inv.status !== "draft") throw new ApiError(400, "You can only add invoice items to draft invoices.");
      inv.lines.data.push({
        id: this.id("il"), object: "line_item", amount, currency: p.currency, description: ii.description, invoice: inv.id, metadata: ii.metadata,
        parent: { type: "invoice_item_details", invoice_item_details: { invoice_item: ii.id, proration: false, proration_details: null } }, period: ii.period, quantity: 1, subtotal: amount, taxes: [],
      });
      this.recompute(inv);
      this.emit("invoiceitem.created", ii);
    }
    return this.put(this.invoiceItems, ii);
  }

  private createInvoice(p: Obj) {
    this.get(this.customers, p.customer);
    const inv: Obj = {
      id: this.id("in"), object: "invoice", customer: p.customer, currency: p.currency, status: "draft", collection_method: p.collection_method ?? "charge_automatically",
      auto_advance: p.auto_advance === "true", days_until_due: p.days_until_due ? Number(p.days_until_due) : null, description: p.description ?? null, metadata: p.metadata ?? {},
      default_tax_rates: (p.default_tax_rates ?? []).map((id: string) => this.get(this.taxRates, id)), number: null, hosted_invoice_url: null, invoice_pdf: null,
      lines: { object: "list", data: [] as Obj[], has_more: false, url: "" }, attempted: false, attempt_count: 0, amount_paid: 0, amount_due: 0, amount_remaining: 0,
      subtotal: 0, total: 0, total_taxes: [], pre_payment_credit_notes_amount: 0, post_payment_credit_notes_amount: 0, due_date: null, created: this.clock(),
      status_transitions: { finalized_at: null, paid_at: null, voided_at: null, marked_uncollectible_at: null },
    };
    inv.lines.url = `/v1/invoices/${inv.id}/lines`;
    this.put(this.invoices, inv);
    this.emit("invoice.created", inv);
    return inv;
  }

  private recompute(inv: Obj) {
    const pct = inv.default_tax_rates.reduce((s: number, r: Obj) => s + r.percentage, 0);
    for (const l of inv.lines.data) l.taxes = pct ? [{ amount: Math.round((l.amount * pct) / 100), tax_behavior: "exclusive", type: "tax_rate_details", taxable_amount: l.amount }] : [];
    inv.subtotal = inv.lines.data.reduce((s: number, l: Obj) => s + l.amount, 0);
    const tax = inv.lines.data.reduce((s: number, l: Obj) => s + (l.taxes[0]?.amount ?? 0), 0);
    inv.total_taxes = tax ? [{ amount: tax, tax_behavior: "exclusive", taxability_reason: "standard_rated", taxable_amount: inv.subtotal, type: "tax_rate_details" }] : [];
    inv.total = inv.subtotal + tax;
    inv.amount_due = inv.total - inv.pre_payment_credit_notes_amount;
    inv.amount_remaining = inv.status === "paid" ? 0 : Math.max(0, inv.amount_due - inv.amount_paid);
  }

  private finalize(id: string) {
    const inv = this.get(this.invoices, id);
    if (inv.status !== "draft") throw new ApiError(400, "This invoice is already finalized, you can't re-finalize a non-draft invoice.");
    inv.status = "open";
    inv.number = `FAKE-${String(this.invoices.size).padStart(4, "0")}-${id.slice(-4)}`;
    inv.hosted_invoice_url = `https://invoice.stripe.test/i/${id}`;
    inv.invoice_pdf = `https://pay.stripe.test/invoice/${id}/pdf`;
    inv.status_transitions.finalized_at = this.clock();
    if (inv.days_until_due) inv.due_date = this.clock() + inv.days_until_due * 86400;
    this.recompute(inv);
    this.emit("invoice.finalized", inv);
    return inv;
  }

  private sendInvoice(id: string) {
    const inv = this.get(this.invoices, id);
    if (inv.status !== "open") throw new ApiError(400, "You can only send an open invoice.");
    if (!this.get(this.customers, inv.customer).email) throw new ApiError(400, "The customer has no email address to send the invoice to.");
    this.emit("invoice.sent", inv);
    return inv;
  }

  private createCreditNote(p: Obj) {
    const inv = this.get(this.invoices, p.invoice);
    if (!["open", "paid"].includes(inv.status)) throw new ApiError(400, "You can only create credit notes on open or paid invoices.");
    let amount = 0;
    for (const l of p.lines ?? []) {
      if (l.type !== "invoice_line_item") throw new ApiError(400, "Only invoice_line_item lines are supported by the fake.");
      const line = inv.lines.data.find((x: Obj) => x.id === l.invoice_line_item);
      if (!line) throw new ApiError(400, `No such invoice line item: ${l.invoice_line_item}`);
      amount += line.amount + (line.taxes[0]?.amount ?? 0);
    }
    const already = [...this.creditNotes.values()].filter((c) => c.invoice === inv.id && c.status !== "void").reduce((s, c) => s + c.total, 0);
    if (amount + already > inv.total) throw new ApiError(400, "The credit note amount exceeds the invoice total.");
    const post = inv.status === "paid";
    if (post && Number(p.credit_amount ?? 0) + Number(p.refund_amount ?? 0) + Number(p.out_of_band_amount ?? 0) !== amount) {
      throw new ApiError(400, "The sum of credit_amount, refund_amount and out_of_band_amount must equal the credit note total.");
    }
    const cn: Obj = { id: this.id("cn"), object: "credit_note", invoice: inv.id, customer: inv.customer, currency: inv.currency, number: `${inv.number}-CN${already ? 2 : 1}`, total: amount, amount, status: "issued", type: post ? "post_payment" : "pre_payment", pdf: `https://pay.stripe.test/credit_notes/${inv.id}/pdf`, memo: p.memo ?? null, reason: p.reason ?? null, metadata: p.metadata ?? {}, created: this.clock() };
    this.put(this.creditNotes, cn);
    if (post) inv.post_payment_credit_notes_amount += amount;
    else inv.pre_payment_credit_notes_amount += amount;
    this.recompute(inv);
    if (!post && inv.amount_remaining === 0) this.markPaid(inv);
    this.emit("credit_note.created", cn);
    this.emit("invoice.updated", inv);
    return cn;
  }

  private markPaid(inv: Obj) {
    inv.status = "paid";
    inv.amount_paid = inv.amount_due;
    inv.amount_remaining = 0;
    inv.status_transitions.paid_at = this.clock();
  }

  // -------------------------------------------------------------------------------------------------------------
  // What happens on Stripe's side without us (the customer pays, a card is declined, the agency voids in the dashboard)

  pay(id: string) {
    const inv = this.get(this.invoices, id);
    inv.attempted = true;
    inv.attempt_count += 1;
    this.markPaid(inv);
    this.emit("invoice.paid", inv);
    this.emit("invoice.payment_succeeded", inv);
  }

  failPayment(id: string) {
    const inv = this.get(this.invoices, id);
    inv.attempted = true;
    inv.attempt_count += 1;
    this.emit("invoice.payment_failed", inv);
  }

  /** Stripe sends invoice.updated for many small changes (a memo, a reminder sent): nothing that matters to us. */
  touch(id: string) {
    this.emit("invoice.updated", this.get(this.invoices, id));
  }

  voidInvoice(id: string) {
    const inv = this.get(this.invoices, id);
    inv.status = "void";
    inv.status_transitions.voided_at = this.clock();
    inv.amount_remaining = 0;
    this.emit("invoice.voided", inv);
  }

  markUncollectible(id: string) {
    const inv = this.get(this.invoices, id);
    inv.status = "uncollectible";
    inv.status_transitions.marked_uncollectible_at = this.clock();
    this.emit("invoice.marked_uncollectible", inv);
  }
}

class ApiError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

function list(data: Obj[], url: string) {
  return { object: "list", data, has_more: false, url };
}

// The SDK's webhook helpers need an instance; no call goes anywhere.
const signer = new Stripe("sk_test_signer", { apiVersion: "2026-10-28.endive" });
