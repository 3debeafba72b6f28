/**
 * `npm run keys:reseal`: after rotating PATTERN_KEY (new key current, old one in
 * PATTERN_KEYS_PREVIOUS), seals every matrix password, pattern-history hash and authenticator
 * app secret again under the new key. Safe to run beside the app and to run again. Prints
 * counts only.
 */
import { loadEnvConfig } from "@next/env";

loadEnvConfig(process.cwd());

async function main(): Promise<number> {
  // Imported after the .env files are loaded: env.ts reads the environment once, on import.
  const { resealCredentials } = await import("@/lib/credentials/rotation");
  const { resealPatternHistory } = await import("@/lib/credentials/history");
  const { resealSecondFactors } = await import("@/lib/second-factor/rotation");
  const { closeDb } = await import("@/db/client");
  try {
    const { resealed, unreadable } = await resealCredentials();
    console.log(
      `Resealed ${resealed} matrix passwords under the current key; ${unreadable} could not be opened with the configured keys.`,
    );
    const history = await resealPatternHistory();
    console.log(
      `Resealed ${history.resealed} earlier-pattern hashes; ${history.unreadable} could not be opened with the configured keys.`,
    );
    const second = await resealSecondFactors();
    console.log(
      `Resealed ${second.resealed} authenticator app secrets; ${second.unreadable} could not be opened with the configured keys.`,
    );
    if (second.recoveryCodesOnOlderKeys > 0)
      console.log(
        `${second.recoveryCodesOnOlderKeys} users have recovery codes made under an older key: they work while that key stays in PATTERN_KEYS_PREVIOUS; ask them to regenerate their codes before dropping it.`,
      );
    return unreadable + history.unreadable + second.unreadable > 0 ? 1 : 0;
  } finally {
    await closeDb();
  }
}

main().then((code) => process.exit(code));
