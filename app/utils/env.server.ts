import { z } from "zod";

/** The public demo secret: a production server refuses to sign sessions with it. */
export const DEMO_SESSION_SECRET = "rendezvous-demo-secret-change-me";

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
  /** "false" keeps this process from running background jobs (another process runs them). */
  RUN_JOBS: z.enum(["true", "false"]).default("true"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Proxies whose X-Forwarded-For is believed (server.mjs, express "trust proxy" syntax); unset: none. */
  TRUSTED_PROXIES: z.string().optional(),
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
