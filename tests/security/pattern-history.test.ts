import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { patternHistory } from "@/db/schema";
import { configuredKeyring, parseKeyring } from "@/lib/crypto";
import { patternFingerprint } from "@/lib/matrix";
import { saveDraft, startPatternChange } from "@/lib/onboarding";
import { isRecentPattern, resealPatternHistory } from "@/lib/credentials/history";
import { STRONG_PATTERN, testContext } from "../support/people";
import { onboardedUser } from "../support/sign-in";

afterAll(() => closeDb());

const base64 = (key: Buffer) => key.toString("base64");

async function storedHashes(userId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ hash: patternHistory.patternHash })
    .from(patternHistory)
    .where(eq(patternHistory.userId, userId));
  return rows.map((row) => row.hash);
}

/** The reuse rule as a customer meets it: changing to the same pattern is refused. */
async function reuseRefused(userId: string): Promise<boolean> {
  const sessionId = await startPatternChange(userId, testContext());
  const draft = await saveDraft(sessionId, STRONG_PATTERN, new Date());
  return !draft.ok && "reason" in draft && draft.reason.code === "reused";
}

test("a plain bcrypt history row from an older version is sealed at start-up and still refuses reuse", async () => {
  const { userId } = await onboardedUser();
  const db = await getDb();
  const legacy = await bcrypt.hash(patternFingerprint(STRONG_PATTERN), 10);
  await db.update(patternHistory).set({ patternHash: legacy }).where(eq(patternHistory.userId, userId));

  const first = await resealPatternHistory();
  expect(first.resealed).toBeGreaterThanOrEqual(1);
  const [converted] = await storedHashes(userId);
  expect(converted).toMatch(new RegExp(`^v1\\.${configuredKeyring().current.id}\\.`));
  expect(converted).not.toContain(legacy);
  expect(await reuseRefused(userId)).toBe(true);
  // Idempotent: a second run leaves the converted row as it is.
  await resealPatternHistory();
  expect(await storedHashes(userId)).toEqual([converted]);
});

test("a history hash sealed under a previous key still refuses reuse, and keys:reseal moves it to the new key", async () => {
  const { userId } = await onboardedUser();
  const [before] = await storedHashes(userId);
  const newKey = randomBytes(32);
  const rotated = parseKeyring(
    "k8",
    base64(newKey),
    `${configuredKeyring().current.id}:${base64(configuredKeyring().current.key)}`,
  );
  const newKeyAlone = parseKeyring("k8", base64(newKey), undefined);

  expect(await isRecentPattern(userId, STRONG_PATTERN, 3, rotated)).toBe(true);
  expect(await isRecentPattern(userId, STRONG_PATTERN, 3, newKeyAlone)).toBe(false);

  // On a shared database other files' rows are sealed under their own random keys: unreadable here.
  expect((await resealPatternHistory(rotated)).resealed).toBeGreaterThanOrEqual(1);
  const [after] = await storedHashes(userId);
  expect(after).toMatch(/^v1\.k8\./);
  expect(after).not.toBe(before);
  expect(await isRecentPattern(userId, STRONG_PATTERN, 3, newKeyAlone)).toBe(true);
  expect(await isRecentPattern(userId, [...STRONG_PATTERN].reverse(), 3, newKeyAlone)).toBe(false);
});

test("a history hash no configured key opens is counted and left untouched", async () => {
  const { userId } = await onboardedUser();
  const before = await storedHashes(userId);
  const strangers = parseKeyring("k6", base64(randomBytes(32)), undefined);
  expect((await resealPatternHistory(strangers)).unreadable).toBeGreaterThanOrEqual(1);
  expect(await storedHashes(userId)).toEqual(before);
});
