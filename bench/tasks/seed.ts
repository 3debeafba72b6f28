/**
 * Child task of `npm run bench`: seeds the sign-in users through the same verbs a customer's
 * onboarding uses (register, verify identity, save and confirm the pattern, accept the current
 * terms), and opens one onboarding session for the /start/pattern page weight. Prints JSON.
 */
import { parseArgs } from "node:util";

const PATTERN = [0, 5, 18, 27, 33, 9, 40, 46];

async function main() {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "100" },
      run: { type: "string", default: "bench" },
    },
  });
  const count = Number(values.users);
  const { registerUser, verifyIdentity, saveDraft, confirmPattern } = await import("@/lib/onboarding");
  const { acceptTerms, currentTerms } = await import("@/lib/terms");
  const { closeDb } = await import("@/db/client");
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
  const users: { email: string; pattern: number[] }[] = [];
  for (let i = 0; i < count; i++) {
    const email = `${values.run}-signin-${i}@bench.example`;
    const { userId, sessionId } = await verified(i, email);
    const draft = await saveDraft(sessionId, PATTERN, new Date());
    if (!draft.ok) throw new Error(`draft: ${JSON.stringify(draft)}`);
    const confirmed = await confirmPattern(sessionId, context(i));
    if (!confirmed.ok) throw new Error(`confirm: ${JSON.stringify(confirmed)}`);
    if (!(await acceptTerms(userId, terms.version, context(i)))) throw new Error("terms not accepted");
    users.push({ email, pattern: PATTERN });
  }
  const onboarding = await verified(count, `${values.run}-onboarding@bench.example`);
  await closeDb();
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ users, onboardingSessionId: onboarding.sessionId })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
