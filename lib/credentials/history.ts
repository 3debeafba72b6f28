import bcrypt from "bcryptjs";
import { getDb } from "@/db/client";
import { findHistoryNotSealedWith, recentPatternHashes, replaceHistoryHash } from "@/db/queries/credentials";
import { configuredKeyring, openJson, sealJson, type Keyring } from "@/lib/crypto";
import { patternFingerprint } from "@/lib/matrix";

/**
 * Earlier matrix passwords, kept only to refuse their reuse. Each is a bcrypt hash of the
 * pattern, sealed with AES-256-GCM under PATTERN_KEY (bound to the user): a database dump alone
 * holds nothing a guessed pattern can be checked against offline, since the bcrypt hash inside
 * needs the key to be read. Sealing rather than HMAC-ing keeps the key rotatable: a sealed
 * hash opens with a previous key and is sealed again by `npm run keys:reseal`, without knowing
 * the pattern, and plain hashes written before this existed can be sealed the same way.
 */

const BCRYPT_COST = 10;
const BATCH = 500;

const historyContext = (userId: string) => `pattern-history:${userId}`;
const isPlainBcrypt = (stored: string) => stored.startsWith("$2");

/** What pattern_history stores for a new pattern (slow: one bcrypt round). */
export async function historyHash(
  userId: string,
  pattern: readonly number[],
  keyring: Keyring = configuredKeyring(),
): Promise<string> {
  const hash = await bcrypt.hash(patternFingerprint(pattern), BCRYPT_COST);
  return sealJson(hash, historyContext(userId), keyring.current);
}

function openHistoryHash(stored: string, userId: string, keyring: Keyring): string | null {
  try {
    const hash = openJson(stored, historyContext(userId), keyring.all);
    return typeof hash === "string" ? hash : null;
  } catch {
    return null;
  }
}

/**
 * True when the pattern is one of the user's last `depth` patterns. A hash that no configured
 * key opens cannot be compared and is passed over: this is a reuse rule, not a sign-in check.
 */
export async function isRecentPattern(
  userId: string,
  pattern: readonly number[],
  depth: number,
  keyring: Keyring = configuredKeyring(),
): Promise<boolean> {
  const fingerprint = patternFingerprint(pattern);
  for (const stored of await recentPatternHashes(await getDb(), userId, depth)) {
    const hash = openHistoryHash(stored, userId, keyring);
    if (hash !== null && (await bcrypt.compare(fingerprint, hash))) return true;
  }
  return false;
}

export type HistoryResealResult = { resealed: number; unreadable: number };

/**
 * Seals every history hash under the current key: plain bcrypt hashes from before sealing, and
 * hashes sealed under a previous key. Idempotent and safe beside the running app (a row that
 * changed meanwhile is left to its new value); a row no configured key opens is counted.
 */
export async function resealPatternHistory(keyring: Keyring = configuredKeyring()): Promise<HistoryResealResult> {
  const result: HistoryResealResult = { resealed: 0, unreadable: 0 };
  const skipped: number[] = [];
  const db = await getDb();
  for (;;) {
    const rows = await findHistoryNotSealedWith(db, keyring.current.id, BATCH, skipped);
    if (rows.length === 0) return result;
    for (const row of rows) {
      const hash = isPlainBcrypt(row.patternHash)
        ? row.patternHash
        : openHistoryHash(row.patternHash, row.userId, keyring);
      if (hash === null) {
        result.unreadable += 1;
        skipped.push(row.id);
        continue;
      }
      const patternHash = sealJson(hash, historyContext(row.userId), keyring.current);
      if (await replaceHistoryHash(db, { id: row.id, previous: row.patternHash, patternHash })) result.resealed += 1;
      else skipped.push(row.id);
    }
  }
}
