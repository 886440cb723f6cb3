// Secrets the app must read back to use them (a webhook endpoint's signing secret: every delivery is signed with it),
// encrypted at rest with AES-256-GCM (node:crypto) under a key from the environment: WEBHOOK_SECRET_KEY, or, unset,
// a key derived from SESSION_SECRET (HKDF-SHA256, its own label, so it is never the session key itself). Stored as
// `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url); the key id (a hash prefix of the key, not the key) says which
// key sealed a value, so the key can change: the previous one (WEBHOOK_SECRET_KEY_PREVIOUS) still opens older values
// until the webhook sweep seals them again under the current one. A value without the prefix was written before
// encryption: it is opened as is and sealed by the sweep. Decision 0051.
import crypto from "node:crypto";
import { env } from "~/utils/env.server";

const PREFIX = "enc:v1:";
const INFO = "rendezvous webhook secrets v1";

type Key = { id: string; key: Buffer };
const derived = new Map<string, Key>();
function keyOf(material: string): Key {
  let k = derived.get(material);
  if (!k) {
    const key = Buffer.from(crypto.hkdfSync("sha256", material, Buffer.alloc(0), INFO, 32));
    k = { id: crypto.createHash("sha256").update(key).digest("hex").slice(0, 12), key };
    derived.set(material, k);
  }
  return k;
}

function keys() {
  const e = env();
  const current = keyOf(e.WEBHOOK_SECRET_KEY ?? e.SESSION_SECRET);
  const previous = e.WEBHOOK_SECRET_KEY_PREVIOUS ? keyOf(e.WEBHOOK_SECRET_KEY_PREVIOUS) : null;
  return { current, previous };
}

/** The stored form of a secret: encrypted and authenticated under the current key. */
export function sealSecret(plain: string): string {
  const { current } = keys();
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", current.key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const b64 = (b: Buffer) => b.toString("base64url");
  return `${PREFIX}${current.id}:${b64(iv)}:${b64(cipher.getAuthTag())}:${b64(data)}`;
}

/** The secret of a stored value (a value from before encryption is returned as is). Throws if no key opens it. */
export function openSecret(stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const [id, iv, tag, data] = stored.slice(PREFIX.length).split(":");
  const { current, previous } = keys();
  const k = [current, previous].find((x) => x && x.id === id);
  if (!k || !iv || !tag || data === undefined) throw new Error(`No key opens this secret (key id ${id}): set WEBHOOK_SECRET_KEY_PREVIOUS to the key it was sealed with`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", k.key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** The prefix of values sealed under the current key: anything else is to be sealed again. */
export function currentSealPrefix() {
  return `${PREFIX}${keys().current.id}:`;
}
