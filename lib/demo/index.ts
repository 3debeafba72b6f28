import { getDb, transaction } from "@/db/client";
import { storeCredential } from "@/db/queries/credentials";
import { DuplicateEmailError, findUserByEmail, insertUser } from "@/db/queries/users";
import type { Role } from "@/db/schema";
import { env } from "@/env";
import { recordAudit } from "@/lib/audit";
import { now } from "@/lib/platform/clock";
import { configuredKeyring, sealPattern } from "@/lib/crypto";
import { cellIndex, checkStrength, validatePattern } from "@/lib/matrix";
import { historyHash } from "@/lib/credentials/history";
import type { RequestContext } from "@/lib/http/request-context";
import { storeKnownAuthenticatorApp } from "@/lib/second-factor/authenticator-app";
import { totpCodeAt, totpSecretFromText } from "@/lib/second-factor/totp";

/**
 * Demo accounts for developers: seeded by `npm run dev` on the embedded database so the
 * sign-in can be tried at once. Their patterns are documented in README.md ("Demo accounts");
 * tests/integration/demo.test.ts signs in with the README's wording, so keep both in step.
 */

export type DemoAccount = {
  email: string;
  name: string;
  phone: string;
  company: string | null;
  role: Role;
  /** Cell indices (row * 12 + column, 0-based) in click order. */
  pattern: readonly number[];
  /**
   * An authenticator app's key (base32), turned on at seeding: the policy asks operators for a
   * second factor, and the development mailbox shows its current code, so no phone is needed.
   */
  authenticatorKey?: string;
};

/** Cell index of a 1-based "Row r, column c", as the matrix labels its cells. */
const cell = (row: number, column: number) => cellIndex({ row: row - 1, column: column - 1 });

export const DEMO_ACCOUNTS: readonly DemoAccount[] = Object.freeze([
  {
    email: "demo@matrix-portal.example",
    name: "Demo Customer",
    phone: "0300000001",
    company: "Demo Trading K.K.",
    role: "customer",
    // The four corners of the whole grid clockwise from the top left, then one cell inwards.
    pattern: [cell(1, 1), cell(1, 12), cell(4, 12), cell(4, 1), cell(2, 2), cell(2, 11), cell(3, 11), cell(3, 2)],
  },
  {
    email: "operator@matrix-portal.example",
    name: "Demo Operator",
    phone: "0300000002",
    company: null,
    role: "operator",
    // The down-right diagonal of the first block, then that of the third block.
    pattern: [cell(1, 1), cell(2, 2), cell(3, 3), cell(4, 4), cell(1, 9), cell(2, 10), cell(3, 11), cell(4, 12)],
    authenticatorKey: "MATRIXPORTALDEMOOPERATORKEY23456",
  },
]);

export type DemoSeedResult = { created: string[]; skipped: string[] };

/** Stores one demo account like onboarding stores a real one; false when it already exists. */
async function seedAccount(account: DemoAccount, context: RequestContext): Promise<boolean> {
  if (await findUserByEmail(await getDb(), account.email)) return false;
  const valid = validatePattern(account.pattern);
  const strong = valid.ok ? checkStrength(valid.pattern) : valid;
  if (!strong.ok)
    throw new Error(`The demo pattern of ${account.email} breaks the password policy (${strong.reason.code})`);
  const pattern = [...account.pattern];
  try {
    await transaction(async (tx) => {
      const { email, name, phone, company, role } = account;
      const user = await insertUser(tx, {
        email,
        name,
        phone,
        company,
        role,
        status: "active",
        createdAt: context.now,
        updatedAt: context.now,
      });
      const sealedPattern = sealPattern(pattern, user.id, configuredKeyring().current);
      const patternHash = await historyHash(user.id, pattern);
      await storeCredential(tx, {
        userId: user.id,
        sealedPattern,
        keyId: configuredKeyring().current.id,
        length: pattern.length,
        patternHash,
        now: context.now,
      });
      if (account.authenticatorKey)
        await storeKnownAuthenticatorApp(tx, user.id, totpSecretFromText(account.authenticatorKey), context.now);
      await recordAudit(
        { event: "demo.seeded", subjectId: user.id, outcome: "success", details: { role: user.role } },
        context,
        tx,
      );
    });
    return true;
  } catch (error) {
    // Another process seeded it between the lookup and the insert.
    if (error instanceof DuplicateEmailError) return false;
    throw error;
  }
}

/**
 * Creates the demo accounts that do not exist yet (active, with their documented matrix
 * passwords). Idempotent. Not guarded: call `seedDemoAccountsForDevelopment` from the app.
 */
export async function seedDemoAccounts(
  context: RequestContext = { ip: null, userAgent: "demo-seed", now: now() },
): Promise<DemoSeedResult> {
  const result: DemoSeedResult = { created: [], skipped: [] };
  for (const account of DEMO_ACCOUNTS) {
    ((await seedAccount(account, context)) ? result.created : result.skipped).push(account.email);
  }
  return result;
}

/**
 * The dev server's start-up hook: seeds the demo accounts only in development and only on the
 * embedded database. Known passwords (one of them an operator's) must never reach a shared or
 * real PostgreSQL that `DATABASE_URL` might point at, nor a test or production install.
 */
export async function seedDemoAccountsForDevelopment(): Promise<DemoSeedResult | null> {
  if (env.NODE_ENV !== "development" || env.DATABASE_URL) return null;
  return seedDemoAccounts();
}

/** The code each demo account's authenticator app shows at `now`, for the development mailbox. */
export function demoAuthenticatorCodes(at: Date): { email: string; code: string }[] {
  return DEMO_ACCOUNTS.flatMap(({ email, authenticatorKey }) =>
    authenticatorKey ? [{ email, code: totpCodeAt(totpSecretFromText(authenticatorKey), at) }] : [],
  );
}
