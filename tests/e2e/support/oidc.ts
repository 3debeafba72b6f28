import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { e2eSettings } from "./app-env";
import type { ClientCredentials } from "../../support/relying-party";

const run = promisify(execFile);
const { appEnv } = e2eSettings();

/** Registers an application with `npm run oidc:client`, against the app under test's database. */
export async function registerApplication(
  uris: { redirectUri: string; postLogoutUri: string },
  flags: string[] = [],
): Promise<ClientCredentials> {
  const args = [
    "node_modules/.bin/tsx",
    "scripts/oidc-client.ts",
    "--name",
    "Billing",
    "--redirect-uri",
    uris.redirectUri,
  ];
  args.push(
    "--post-logout-uri",
    uris.postLogoutUri,
    "--scope",
    "email",
    "--scope",
    "profile",
    "--scope",
    "company",
    ...flags,
  );
  const { stdout } = await run("node", args, { env: { ...process.env, ...appEnv } });
  const line = stdout.split("\n").find((text) => text.startsWith('{"client_id"'))!;
  const parsed = JSON.parse(line) as { client_id: string; client_secret: string | null };
  return { clientId: parsed.client_id, clientSecret: parsed.client_secret };
}

/** Disables an application or a user as an operator would (tests/e2e/support/oidc-cli.ts). */
export async function operatorDisables(what: "client" | "user", subject: string): Promise<void> {
  await run("node", ["node_modules/.bin/tsx", "tests/e2e/support/oidc-cli.ts", `disable-${what}`, subject], {
    env: { ...process.env, ...appEnv },
  });
}
