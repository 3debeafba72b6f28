import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { ClientCredentials } from "../../support/relying-party";
import { appEnv, type AppOptions } from "./app-server";

const run = promisify(execFile);

/** Registers an application with `npm run oidc:client` against the instances' database. */
export async function registerClient(
  options: Omit<AppOptions, "port">,
  uris: { redirectUri: string; postLogoutUri: string },
): Promise<ClientCredentials> {
  const args = [
    "node_modules/.bin/tsx",
    "scripts/oidc-client.ts",
    "--name",
    "Wiki",
    "--redirect-uri",
    uris.redirectUri,
  ];
  args.push("--scope", "email", "--scope", "profile", "--scope", "company");
  const { stdout } = await run(process.execPath, args, {
    env: { ...appEnv({ ...options, port: 3599 }), NODE_ENV: "test" },
  });
  const parsed = JSON.parse(stdout.trim().split("\n").at(-1)!) as { client_id: string; client_secret: string | null };
  return { clientId: parsed.client_id, clientSecret: parsed.client_secret };
}
