import { env } from "@/env";
import { parseKeyring, type Keyring } from "./keyring";

let cached: Keyring | undefined;

/**
 * The keyring for everything the portal seals (the current key and, during rotation, older
 * ones), built from the settings on first use so importing a module never parses keys.
 */
export function configuredKeyring(): Keyring {
  cached ??= parseKeyring(env.PATTERN_KEY_ID, env.PATTERN_KEY, env.PATTERN_KEYS_PREVIOUS);
  return cached;
}
