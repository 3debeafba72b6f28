import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Development and tests get generated secrets
 * (persisted under .data/ in development so sessions survive restarts) and a stand-in for the
 * organization that operates the portal; production refuses to start without strong secrets
 * and the real organization.
 */

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

/**
 * Who operates the portal. The Act on the Protection of Personal Information (art. 32) requires the
 * business's name and address to be made known, so production has no default for them.
 */
const organizationSetting = (max: number) =>
  z
    .string({ error: "required in production: who operates the portal (see .env.example)" })
    .trim()
    .min(1, "required in production: who operates the portal (see .env.example)")
    .max(max, `must be at most ${max} characters`);

/** Development and test stand-ins; production must name the real business. */
const organizationDefaults = {
  ORGANIZATION_NAME: "Matrix Portal Example Co., Ltd.",
  ORGANIZATION_ADDRESS: "1-1-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan",
  PRIVACY_CONTACT: "privacy@matrix-portal.example",
};

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  DATABASE_URL: z.string().min(1).optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 33)"),
  PATTERN_KEY: base64Key,
  PATTERN_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,16}$/)
    .default("k1"),
  PATTERN_KEYS_PREVIOUS: z
    .string()
    .regex(
      /^([A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]+)(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]+)*$/,
      "must be id:base64key pairs separated by commas",
    )
    .optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Resend API base URL; tests point it at a local fake (tests/support/fake-resend-server.ts). */
  RESEND_BASE_URL: z.url().optional(),
  /** The Resend account's request rate limit (2 per second by default); the dispatcher paces itself to it. */
  RESEND_REQUESTS_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(2),
  EMAIL_FROM: z.string().min(3).default("Matrix Portal <no-reply@matrix-portal.example>"),
  MAIL_TRANSPORT: z.enum(["resend", "outbox"]).optional(),
  OPERATOR_CONTACT: z.string().min(3).default("support@matrix-portal.example"),
  /** The business that operates the portal, its postal address and its desk for personal-information requests. */
  ORGANIZATION_NAME: organizationSetting(200),
  ORGANIZATION_ADDRESS: organizationSetting(500),
  PRIVACY_CONTACT: organizationSetting(500),
  ONBOARDING_TOKEN_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  UNLOCK_LINK_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /**
   * Who must have a second factor (passkey or authenticator app) after the matrix: nobody
   * ("optional"), every operator ("operators") or every user ("everyone"). Operators can
   * override it per user.
   */
  SECOND_FACTOR_POLICY: z.enum(["optional", "operators", "everyone"]).default("operators"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  TEST_CLOCK_FILE: z.string().min(1).optional(),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(1),
  /**
   * Set by `npm run start`: Next leaves SIGTERM and SIGINT to the app, which then shuts down
   * gracefully (lib/platform/shutdown.ts) within SHUTDOWN_GRACE_SECONDS.
   */
  NEXT_MANUAL_SIG_HANDLE: z.enum(["true", "1"]).optional(),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /**
   * The bearer token Prometheus sends to scrape /api/metrics; unset, /api/metrics answers 404.
   * Generate one with `openssl rand -base64 32`.
   */
  METRICS_TOKEN: z.string().min(24, "must be at least 24 characters (openssl rand -base64 32)").optional(),
  /** "1" turns on the trivial /bench routes that `npm run bench` measures as the framework floor. */
  BENCH_ROUTES: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof schema> & { MAIL_TRANSPORT: "resend" | "outbox" };

const generated = {
  AUTH_SECRET: () => randomBytes(33).toString("base64"),
  PATTERN_KEY: () => randomBytes(32).toString("base64"),
};
type GeneratedName = keyof typeof generated;

function developmentSecrets(persist: boolean): Record<GeneratedName, string> {
  const file = resolve(/* turbopackIgnore: true */ process.cwd(), ".data/dev-secrets.json");
  if (persist && existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = { AUTH_SECRET: generated.AUTH_SECRET(), PATTERN_KEY: generated.PATTERN_KEY() };
  if (persist) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secrets;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const raw: Record<string, string | undefined> = { ...source };
  for (const key of Object.keys(raw)) if (raw[key] === "") delete raw[key];
  const mode = raw.NODE_ENV ?? "development";
  // `next build` imports server modules with NODE_ENV=production but serves nothing.
  const building = raw.NEXT_PHASE === "phase-production-build";
  if (mode !== "production" || building) {
    const missing = (Object.keys(generated) as GeneratedName[]).filter((name) => !raw[name]);
    if (missing.length > 0) {
      const secrets = developmentSecrets(mode === "development" && !building);
      for (const name of missing) raw[name] = secrets[name];
    }
    for (const [name, value] of Object.entries(organizationDefaults)) raw[name] ??= value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}\nSee .env.example for every variable.`);
  }
  const transport = parsed.data.MAIL_TRANSPORT ?? (parsed.data.RESEND_API_KEY ? "resend" : "outbox");
  if (transport === "resend" && !parsed.data.RESEND_API_KEY) {
    throw new Error("Invalid environment configuration:\n  RESEND_API_KEY: required when MAIL_TRANSPORT=resend");
  }
  // The outbox transport keeps whole emails, starting-guide links included, in the database
  // for /dev/mailbox, which production does not serve: links would sit there in plaintext.
  if (transport === "outbox" && mode === "production" && !building) {
    throw new Error(
      "Invalid environment configuration:\n  RESEND_API_KEY: required in production (MAIL_TRANSPORT=outbox is for development)",
    );
  }
  if (parsed.data.TEST_CLOCK_FILE && parsed.data.APP_URL.startsWith("https:")) {
    throw new Error(
      "Invalid environment configuration:\n  TEST_CLOCK_FILE: only for tests; never set it on a deployed portal",
    );
  }
  return { ...parsed.data, MAIL_TRANSPORT: transport };
}

export const env: Env = loadEnv();
