import { env } from "@/env";
import { parseKeyring, type Keyring } from "@/lib/crypto";

/** The keyring for everything the portal seals: the current key and, during rotation, older ones. */
export const keyring: Keyring = parseKeyring(env.PATTERN_KEY_ID, env.PATTERN_KEY, env.PATTERN_KEYS_PREVIOUS);
