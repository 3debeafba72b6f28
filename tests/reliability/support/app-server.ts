import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { organizationSettings } from "../../support/organization";

/**
 * The built app (`next start`, production mode) as a child process of the test, with the
 * environment tests/e2e/support/app-env.ts gives the browser tests. Needs `npm run build`.
 * With `standalone`, the production start instead: the standalone server (`npm run start`,
 * the Dockerfile's command) with the app handling SIGTERM itself.
 */
export type AppServer = { url: string; port: number; output(): string; stop(): Promise<void> };

/** Secrets shared by every instance of one test, so instances accept each other's cookies. */
export function appSecrets() {
  return { AUTH_SECRET: randomBytes(33).toString("base64"), PATTERN_KEY: randomBytes(32).toString("base64") };
}

export type AppOptions = {
  port: number;
  databaseUrl?: string;
  pgliteDir?: string;
  resendUrl: string;
  secrets: ReturnType<typeof appSecrets>;
  extraEnv?: Record<string, string>;
  standalone?: boolean;
};

export function appEnv(options: Omit<AppOptions, "port"> & { port: number }): Record<string, string> {
  const url = `http://localhost:${options.port}`;
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/root",
    NODE_ENV: "production",
    APP_URL: url,
    AUTH_TRUST_HOST: "true",
    ...options.secrets,
    MAIL_TRANSPORT: "resend",
    RESEND_API_KEY: "re_reliability_fake",
    RESEND_BASE_URL: options.resendUrl,
    ...organizationSettings,
    LOG_LEVEL: "warn",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { PGLITE_DIR: options.pgliteDir ?? "memory://" }),
    ...options.extraEnv,
  };
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export async function startApp(options: AppOptions): Promise<AppServer> {
  const env = appEnv(options);
  const command = options.standalone
    ? [".next/standalone/server.js"]
    : ["node_modules/next/dist/bin/next", "start", "-p", String(options.port)];
  if (options.standalone)
    Object.assign(env, { PORT: String(options.port), HOSTNAME: "::", NEXT_MANUAL_SIG_HANDLE: "true" });
  const child = spawn(process.execPath, command, { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  child.once("exit", () => process.removeListener("exit", orphanGuard));
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitFor(`${url}/api/health`, child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { url, port: options.port, output: () => output, stop };
}
