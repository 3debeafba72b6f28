/**
 * Child task of `npm run bench`: seeds the sign-in users through the same verbs a customer's
 * onboarding uses (register, verify identity, save and confirm the pattern, accept the current
 * terms), `--totp-users` more with an authenticator app turned on, and opens one onboarding
 * session for the /start/pattern page weight. Prints JSON.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

const PATTERN = [0, 5, 18, 27, 33, 9, 40, 46];

async function main() {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "100" },
      "totp-users": { type: "string", default: "0" },
      run: { type: "string", default: "bench" },
    },
  });
  const count = Number(values.users);
  const totpCount = Number(values["totp-users"]);
  const { registerUser, verifyIdentity, saveDraft, confirmPattern } = await import("@/lib/onboarding");
  const { acceptTerms, currentTerms } = await import("@/lib/terms");
  const { closeDb, getDb } = await import("@/db/client");
  const { storeKnownAuthenticatorApp } = await import("@/lib/second-factor/authenticator-app");
  const { totpSecretText } = await import("@/lib/second-factor/totp");
  const context = (i: number) => ({
    ip: `198.51.100.${i % 250}`,
    userAgent: "bench-seed",
    now: new Date(),
  });

  async function verified(i: number, email: string) {
    const person = {
      email,
      name: `Bench User ${i}`,
      phone: `03${String(10_000_000 + i).padStart(8, "0")}`,
      company: "Bench K.K.",
    };
    const registered = await registerUser(person, context(i));
    if (!registered.ok) throw new Error(`register: ${JSON.stringify(registered)}`);
    const token = registered.link.split("/start/")[1]!;
    const result = await verifyIdentity(token, person, {
      ...context(i),
      // A /64 per user: the per-address limit on identity checks counts an IPv6 /64 as one client.
      ip: `2001:db8:5eed:${i.toString(16)}::1`,
    });
    if (!result.ok) throw new Error(`verify: ${JSON.stringify(result)}`);
    return { userId: registered.userId, sessionId: result.sessionId };
  }

  const terms = await currentTerms("en");
  if (!terms) throw new Error("No current terms");
  const users: { email: string; pattern: number[]; totpSecret?: string }[] = [];
  for (let i = 0; i < count + totpCount; i++) {
    const totp = i >= count;
    const email = `${values.run}-${totp ? "totp" : "signin"}-${i}@bench.example`;
    const { userId, sessionId } = await verified(i, email);
    const draft = await saveDraft(sessionId, PATTERN, new Date());
    if (!draft.ok) throw new Error(`draft: ${JSON.stringify(draft)}`);
    const confirmed = await confirmPattern(sessionId, context(i));
    if (!confirmed.ok) throw new Error(`confirm: ${JSON.stringify(confirmed)}`);
    if (!(await acceptTerms(userId, terms.version, context(i)))) throw new Error("terms not accepted");
    if (!totp) {
      users.push({ email, pattern: PATTERN });
      continue;
    }
    const secret = new Uint8Array(randomBytes(20));
    await storeKnownAuthenticatorApp(await getDb(), userId, secret, new Date());
    users.push({ email, pattern: PATTERN, totpSecret: totpSecretText(secret) });
  }
  const onboarding = await verified(count + totpCount, `${values.run}-onboarding@bench.example`);
  await closeDb();
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ users, onboardingSessionId: onboarding.sessionId })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
