// Decision 0051: webhook signing secrets are encrypted at rest (AES-256-GCM, a key from the environment, a key id so
// the key can change). The row never holds the secret; deliveries are still signed with it; rows written in clear
// (before encryption) and rows sealed under the previous key are sealed again by the sweep and keep delivering.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { prisma } from "~/utils/db.server";
import { createWebhookEndpoint, rotateWebhookSecret, sendTestWebhook } from "~/models/webhooks/endpoints.server";
import { deliverWebhook, resealWebhookSecrets } from "~/models/webhooks/delivery.server";
import { newWebhookSecret } from "~/domain/webhooks/events";
import { openSecret, sealSecret } from "~/services/secret-box.server";
import { createAgencyWithClient, type AgencyWorld } from "../factories";
import { useEnv } from "./helpers";


const LOOPBACK_OK = { requireHttps: false, allowLoopback: true };
const setEnv = useEnv();

async function receiver() {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, close: () => new Promise((r) => server.close(r)) };
}
const verify = (secret: string, r: { headers: http.IncomingHttpHeaders; body: string }) =>
  new Webhook(secret).verify(r.body, { "webhook-id": String(r.headers["webhook-id"]), "webhook-timestamp": String(r.headers["webhook-timestamp"]), "webhook-signature": String(r.headers["webhook-signature"]) });

let w: AgencyWorld;
beforeEach(async () => {
  w = await createAgencyWithClient();
});

describe("the secret box", () => {
  it("seals with a fresh IV under the key's id, opens what it sealed, and refuses a tampered or unknown-key value", () => {
    setEnv({ WEBHOOK_SECRET_KEY: "first-key-material-0123456789" });
    const plain = newWebhookSecret();
    const a = sealSecret(plain);
    const b = sealSecret(plain);
    expect(a).toMatch(/^enc:v1:[0-9a-f]{12}:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(plain.slice(6, 20));
    expect(openSecret(a)).toBe(plain);
    const parts = a.split(":");
    const flipped = parts[parts.length - 1].startsWith("A") ? "B" : "A";
    expect(() => openSecret([...parts.slice(0, -1), flipped + parts[parts.length - 1].slice(1)].join(":"))).toThrow();
    setEnv({ WEBHOOK_SECRET_KEY: "second-key-material-0123456789" });
    expect(() => openSecret(a)).toThrow(/WEBHOOK_SECRET_KEY_PREVIOUS/);
    setEnv({ WEBHOOK_SECRET_KEY_PREVIOUS: "first-key-material-0123456789" });
    expect(openSecret(a)).toBe(plain);
  });
});

describe("webhook secrets at rest", () => {
  it("the row never holds the secret shown once; deliveries are signed with it, after a rotation with the new one", async () => {
    const r = await receiver();
    try {
      const { id, secret } = await createWebhookEndpoint(w.admin, { url: r.url, events: ["meeting.created"] }, LOOPBACK_OK);
      const row = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { secret: true } });
      expect(row.secret.startsWith("enc:v1:")).toBe(true);
      expect(row.secret).not.toContain(secret.slice("whsec_".length));
      const test1 = await sendTestWebhook(w.admin, id);
      expect(await deliverWebhook(test1, { guard: LOOPBACK_OK, enqueueRetry: false })).toBe("sent");
      expect(verify(secret, r.received[0])).toMatchObject({ type: "webhook.test" });

      const rotated = await rotateWebhookSecret(w.admin, id);
      const after = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { secret: true } });
      expect(after.secret).not.toContain(rotated.secret.slice("whsec_".length));
      const test2 = await sendTestWebhook(w.admin, id);
      expect(await deliverWebhook(test2, { guard: LOOPBACK_OK, enqueueRetry: false })).toBe("sent");
      expect(verify(rotated.secret, r.received[1])).toMatchObject({ type: "webhook.test" });
    } finally {
      await r.close();
    }
  });

  it("the sweep seals rows written in clear and rows under the previous key; they keep signing with the same secret", async () => {
    const r = await receiver();
    try {
      setEnv({ WEBHOOK_SECRET_KEY: "old-key-material-0123456789" });
      const { id: oldKeyed, secret: oldSecret } = await createWebhookEndpoint(w.admin, { url: r.url, events: ["meeting.created"] }, LOOPBACK_OK);
      const { id: legacy } = await createWebhookEndpoint(w.admin, { url: r.url, events: ["meeting.created"] }, LOOPBACK_OK);
      const clear = newWebhookSecret();
      await prisma.webhookEndpoint.update({ where: { id: legacy }, data: { secret: clear } }); // as written before encryption

      setEnv({ WEBHOOK_SECRET_KEY: "new-key-material-0123456789", WEBHOOK_SECRET_KEY_PREVIOUS: "old-key-material-0123456789" });
      expect(await resealWebhookSecrets()).toBe(2);
      expect(await resealWebhookSecrets()).toBe(0);
      const rows = await prisma.webhookEndpoint.findMany({ where: { id: { in: [oldKeyed, legacy] } }, select: { id: true, secret: true } });
      const prefix = sealSecret("x").split(":").slice(0, 3).join(":");
      expect(rows.every((x) => x.secret.startsWith(`${prefix}:`))).toBe(true);
      expect(rows.find((x) => x.id === legacy)!.secret).not.toContain(clear.slice("whsec_".length));

      // The previous key may now go: both still sign with their own secret.
      setEnv({ WEBHOOK_SECRET_KEY_PREVIOUS: undefined });
      for (const [id, secret] of [[oldKeyed, oldSecret], [legacy, clear]] as const) {
        const d = await sendTestWebhook(w.admin, id);
        expect(await deliverWebhook(d, { guard: LOOPBACK_OK, enqueueRetry: false })).toBe("sent");
        expect(verify(secret, r.received[r.received.length - 1])).toMatchObject({ type: "webhook.test" });
      }
    } finally {
      await r.close();
    }
  });
});
