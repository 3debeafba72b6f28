import { systemContext } from "@/lib/http/request-context";
import { recordAudit } from "@/lib/audit";
import { RETIRED_KEY_PUBLISHED_MS, loadSigningKeys, rotateSigningKeys } from "@/lib/oidc/keys";
import { runCli } from "./run-cli";

/**
 * A new signing key for ID tokens. The old one stays in the JWKS for a day, so tokens it signed
 * still verify; running portals pick the new key up within a minute.
 */
async function main(): Promise<number> {
  const context = systemContext();
  await loadSigningKeys(context.now); // A first key, if the provider never started.
  const { retired, current } = await rotateSigningKeys(context.now);
  await recordAudit({ event: "oidc.keys_rotated", outcome: "success", details: { retired, current } }, context);
  const hours = RETIRED_KEY_PUBLISHED_MS / 3_600_000;
  console.log(`New signing key ${current}; ${retired ?? "no key"} retired and still published for ${hours} hours.`);
  return 0;
}

runCli(main, "Could not rotate the signing keys");
