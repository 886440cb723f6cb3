import { z } from "zod";

/** The public demo secret: a production server refuses to sign sessions with it. */
export const DEMO_SESSION_SECRET = "rendezvous-demo-secret-change-me";
function blankAsUnset<T extends z.ZodType>(inner: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), inner);
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url({ error: "DATABASE_URL must be a postgresql:// URL" }),
  SESSION_SECRET: z.string().min(16).default(DEMO_SESSION_SECRET),
  /** Public origin used in email links; falls back to the request's origin. */
  APP_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default("Rendezvous <no-reply@rendezvous.test>"),
  RESEND_API_KEY: z.string().optional(),
  /** Where the Resend SDK sends its requests (tests point it at a local fake). */
  RESEND_BASE_URL: z.string().url().optional(),
  /** Seconds before the first retry of a failed email; doubles each time. */
  EMAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(30),
  EMAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(6),
  /** Seconds a pending email may go untouched before the sweep queues it again (its job was lost with a crashed process). */
  EMAIL_SWEEP_AFTER_SECONDS: z.coerce.number().int().min(1).default(600),
  /** "false" keeps this process from running background jobs (another process runs them). */
  RUN_JOBS: z.enum(["true", "false"]).default("true"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Proxies whose X-Forwarded-For is believed (server.mjs, express "trust proxy" syntax); unset: none. */
  TRUSTED_PROXIES: z.string().optional(),
  /** Billing through Stripe: without a secret key, billing runs "not connected" (ledger and previews only). Empty counts as unset. */
  STRIPE_SECRET_KEY: blankAsUnset(z.string().startsWith("sk_", { error: "STRIPE_SECRET_KEY must start with sk_" }).optional()),
  STRIPE_WEBHOOK_SECRET: blankAsUnset(z.string().startsWith("whsec_", { error: "STRIPE_WEBHOOK_SECRET must start with whsec_" }).optional()),
  /** Where the Stripe SDK sends its requests (tests and the demo may point it at tests/fakes/stripe.ts). */
  STRIPE_API_HOST: blankAsUnset(z.string().optional()),
  STRIPE_API_PORT: blankAsUnset(z.coerce.number().int().min(1).max(65535).optional()),
  STRIPE_API_PROTOCOL: blankAsUnset(z.enum(["http", "https"]).optional()),
  /** Milliseconds before a Stripe call is given up (then retried with the same idempotency key). */
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(50).default(30_000),
  /** Requests one API key may make per minute; past it the API answers 429 with Retry-After. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** "true" lets webhooks reach this machine (127.0.0.1, ::1, localhost) over http: tests and the demo only. */
  WEBHOOKS_ALLOW_LOOPBACK: z.enum(["true", "false"]).default("false"),
  /** Milliseconds a webhook receiver has to answer. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(50).default(10_000),
  /** Seconds before the first retry of a failed webhook delivery; x3 each time, up to 12 h. */
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0).default(30),
  /** Key material (16+ characters) webhook signing secrets are encrypted with at rest; unset: derived from SESSION_SECRET. */
  WEBHOOK_SECRET_KEY: blankAsUnset(z.string().min(16).optional()),
  /** The key material used before the current one, while the sweep re-encrypts the secrets it sealed (decision 0051). */
  WEBHOOK_SECRET_KEY_PREVIOUS: blankAsUnset(z.string().min(16).optional()),
});


export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** The validated environment; throws once, at start, naming each wrong variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  if (parsed.data.NODE_ENV === "production" && parsed.data.SESSION_SECRET === DEMO_SESSION_SECRET) {
    throw new Error("Invalid environment:\n  SESSION_SECRET: set a secret of your own in production (the default is public)");
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change variables between cases. */
export function resetEnvCache() {
  cached = undefined;
}
