import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { appEnv, appSecrets } from "./support/app-server";

/**
 * A production `next start` with a missing or weak secret, or without the organization that
 * operates the portal, stops at once with the variable's name, instead of serving errors; with good secrets it serves, and Auth.js answers without
 * AUTH_TRUST_HOST (auth.ts trusts the Host header itself; see README, "Environment").
 */
const APP_PORT = Number(process.env.REL_CONFIG_APP_PORT ?? 3505);

type Run = { code: number | null; output: string };

/** Starts the built app and waits for it to exit, or gives up (and stops it) after `ms`. */
function runApp(env: Record<string, string>, ms: number): Promise<Run & { child: ChildProcess }> {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(APP_PORT)], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ code: null, output, child }), ms);
    child.once("exit", (code: number | null) => {
      clearTimeout(timer);
      resolve({ code, output, child });
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** The reliability tests' production environment, without AUTH_TRUST_HOST, with these changes. */
const environment = (overrides: Record<string, string>) => {
  const env: Record<string, string> = {
    ...appEnv({ port: APP_PORT, resendUrl: "http://127.0.0.1:9", secrets: appSecrets() }),
    ...overrides,
  };
  delete env.AUTH_TRUST_HOST;
  return env;
};

for (const [label, overrides, message] of [
  ["without AUTH_SECRET", { AUTH_SECRET: "" }, /AUTH_SECRET/],
  ["with a short AUTH_SECRET", { AUTH_SECRET: "too-short-a-secret" }, /AUTH_SECRET: must be at least 32 characters/],
  ["without PATTERN_KEY", { PATTERN_KEY: "" }, /PATTERN_KEY/],
  [
    "with a PATTERN_KEY of the wrong size",
    { PATTERN_KEY: Buffer.alloc(16, 1).toString("base64") },
    /PATTERN_KEY: must be 32 bytes/,
  ],
  // The Act on the Protection of Personal Information (art. 32): the business must be named.
  ["without ORGANIZATION_NAME", { ORGANIZATION_NAME: "" }, /ORGANIZATION_NAME: required in production/],
] as const) {
  test(`a production start ${label} exits non-zero within seconds, naming the variable`, async () => {
    const started = Date.now();
    const run = await runApp(environment(overrides), 20_000);
    await stop(run.child);
    expect(run.code, run.output).not.toBeNull();
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(message);
    expect(run.output).toContain("Invalid environment configuration");
    // The message names the variable, never its value.
    for (const value of Object.values(overrides).filter(Boolean)) expect(run.output).not.toContain(value);
    console.log(`startup config: ${label}: exit ${run.code} after ${Date.now() - started} ms`);
  });
}

test("a production start with good secrets serves /api/health, and Auth.js answers without AUTH_TRUST_HOST", async () => {
  const run = await runApp(environment({}), 0);
  try {
    let health = 0;
    for (let i = 0; i < 150 && health !== 200; i++) {
      health = await fetch(`http://localhost:${APP_PORT}/api/health`).then(
        (response) => response.status,
        () => 0,
      );
      if (health !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(health).toBe(200);
    expect(run.child.exitCode).toBeNull();
    const session = await fetch(`http://localhost:${APP_PORT}/api/auth/session`);
    expect(session.status).toBe(200);
  } finally {
    await stop(run.child);
  }
});
