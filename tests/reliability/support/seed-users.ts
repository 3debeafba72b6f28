/**
 * Test people in the database of the environment, printed as JSON:
 *   tsx tests/reliability/support/seed-users.ts onboarded 3   -> emails of active customers with
 *     the matrix password STRONG_PATTERN (as tests/support/sign-in.ts makes them for jest)
 *   tsx tests/reliability/support/seed-users.ts registered 3  -> invited customers with their
 *     starting-guide link ({ email, name, phone, link })
 */
import { printJsonOf } from "./print-json";
async function main() {
  const [kind, count] = [process.argv[2], Number(process.argv[3] ?? "1")];
  const { onboardedUser } = await import("../../support/sign-in");
  const { newPerson, testContext } = await import("../../support/people");
  const { registerUser } = await import("@/lib/onboarding");
  const { closeDb } = await import("@/db/client");
  const people: unknown[] = [];
  for (let i = 0; i < count; i++) {
    if (kind === "onboarded") {
      people.push((await onboardedUser()).person.email);
    } else {
      const person = newPerson();
      const registered = await registerUser(person, testContext());
      if (!registered.ok) throw new Error(JSON.stringify(registered.fieldErrors));
      people.push({ ...person, link: registered.link });
    }
  }
  await closeDb();
  return people;
}

printJsonOf(main);
