import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { auditEvents, matrixCredentials, patternHistory, users } from "@/db/schema";
import { DEMO_ACCOUNTS, demoAuthenticatorCodes, seedDemoAccounts, seedDemoAccountsForDevelopment } from "@/lib/demo";
import { configuredKeyring } from "@/lib/crypto";
import { answerChallenge, answerSecondFactor, issueChallenge } from "@/lib/login";
import { cellIndex, checkStrength } from "@/lib/matrix";
import { isRecentPattern } from "@/lib/credentials/history";
import { testContext } from "../support/people";
import { correctAnswer, loginContext } from "../support/sign-in";
import { usersWithEmails } from "../support/accounts";

/**
 * The demo accounts sign in with the patterns exactly as README.md words them, so the
 * documentation cannot drift from the seed.
 */

beforeAll(async () => {
  const db = await getDb();
  // A shared PostgreSQL may hold the accounts from an earlier run, sealed under that run's
  // generated key: start from a database without them, as `npm run dev` does.
  await db.delete(users).where(
    inArray(
      sql`lower(${users.email})`,
      DEMO_ACCOUNTS.map((a) => a.email),
    ),
  );
}, 60_000);
afterAll(() => closeDb());

/** The cells README.md's "Demo accounts" section lists for an email address, as indices. */
function documentedPattern(email: string): number[] {
  const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
  const section = readme.split(/^## Demo accounts$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error("README.md has no Demo accounts section");
  const entry = section.split(/^- /m).find((item) => item.includes(`\`${email}\``));
  if (!entry) throw new Error(`README.md does not document ${email}`);
  const steps = [...entry.matchAll(/Row (\d+), column (\d+)/g)];
  return steps.map(([, row, column]) => cellIndex({ row: Number(row) - 1, column: Number(column) - 1 }));
}

async function signInWith(email: string, pattern: readonly number[]) {
  const now = new Date();
  const { challengeId } = await issueChallenge(email, loginContext(now));
  return answerChallenge(challengeId, await correctAnswer(challengeId, pattern, now), loginContext(now));
}

test("the documented patterns are the seeded ones and pass the strength policy", () => {
  for (const account of DEMO_ACCOUNTS) {
    const documented = documentedPattern(account.email);
    expect(documented).toEqual([...account.pattern]);
    expect(documented.length).toBeGreaterThanOrEqual(8);
    expect(checkStrength(documented)).toEqual({ ok: true });
  }
});

test("seeding creates both accounts, active, stored like real ones; the demo customer signs in with the README's cells", async () => {
  const context = testContext();
  expect(await seedDemoAccounts(context)).toEqual({ created: DEMO_ACCOUNTS.map((a) => a.email), skipped: [] });

  const db = await getDb();
  for (const account of DEMO_ACCOUNTS) {
    const [user] = await db.select().from(users).where(eq(users.email, account.email));
    expect(user).toMatchObject({
      name: account.name,
      phone: account.phone,
      company: account.company,
      role: account.role,
      status: "active",
    });
    const [credential] = await db.select().from(matrixCredentials).where(eq(matrixCredentials.userId, user!.id));
    expect(credential).toMatchObject({ keyId: configuredKeyring().current.id, length: account.pattern.length });
    expect(credential!.sealedPattern).not.toContain(account.pattern.join(","));
    const history = await db.select().from(patternHistory).where(eq(patternHistory.userId, user!.id));
    expect(history).toHaveLength(1);
    expect(history[0]!.patternHash).toMatch(new RegExp(`^v1\\.${configuredKeyring().current.id}\\.`));
    expect(await isRecentPattern(user!.id, account.pattern, 1)).toBe(true);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, user!.id));
    expect(audit.map((e) => [e.event, e.outcome, e.details])).toEqual([
      ["demo.seeded", "success", { role: account.role }],
    ]);
  }

  const customer = DEMO_ACCOUNTS.find((a) => a.role === "customer")!;
  const result = await signInWith("demo@matrix-portal.example", documentedPattern("demo@matrix-portal.example"));
  expect(result).toMatchObject({ ok: true, user: { email: customer.email, name: "Demo Customer", role: "customer" } });

  // The demo operator has an authenticator app (operators must): the matrix opens the second
  // step, and the code the development mailbox shows finishes it.
  const operator = await signInWith(
    "operator@matrix-portal.example",
    documentedPattern("operator@matrix-portal.example"),
  );
  expect(operator).toMatchObject({ ok: false, secondFactor: { token: expect.any(String) } });
  const { secondFactor } = operator as { secondFactor: { token: string } };
  const at = new Date();
  const shown = demoAuthenticatorCodes(at).find((entry) => entry.email === "operator@matrix-portal.example")!;
  const second = await answerSecondFactor(secondFactor.token, { method: "totp", code: shown.code }, loginContext(at));
  expect(second).toMatchObject({
    ok: true,
    user: { name: "Demo Operator", role: "operator", amr: ["matrix", "totp"] },
  });
});

test("seeding again changes nothing", async () => {
  const db = await getDb();
  const before = await usersWithEmails(DEMO_ACCOUNTS.map((a) => a.email));
  expect(await seedDemoAccounts(testContext())).toEqual({ created: [], skipped: DEMO_ACCOUNTS.map((a) => a.email) });
  const after = await usersWithEmails(DEMO_ACCOUNTS.map((a) => a.email));
  expect(after.map((u) => [u.id, u.sessionVersion])).toEqual(before.map((u) => [u.id, u.sessionVersion]));
  const history = await db
    .select()
    .from(patternHistory)
    .where(
      inArray(
        patternHistory.userId,
        before.map((u) => u.id),
      ),
    );
  expect(history).toHaveLength(DEMO_ACCOUNTS.length);
});

test("the start-up hook does nothing outside development", async () => {
  expect(await seedDemoAccountsForDevelopment()).toBeNull();
});
