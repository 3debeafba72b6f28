import { randomUUID } from "node:crypto";
import { closeDb, getDb } from "@/db/client";
import { insertUsersBulk } from "@/db/queries/import";
import { DuplicateEmailError, insertUser } from "@/db/queries/users";
import { newPerson } from "../support/people";

afterAll(() => closeDb());

// The bulk import retries once on this error (an address registered between its check and its
// transaction), so both ways into the users table must raise it, whatever the address's case.
async function registered() {
  const person = newPerson();
  await insertUser(await getDb(), { ...person, status: "invited" });
  return person;
}

test("a single insert of a taken address fails with DuplicateEmailError", async () => {
  const person = await registered();
  await expect(insertUser(await getDb(), { ...person, email: person.email.toUpperCase() })).rejects.toBeInstanceOf(
    DuplicateEmailError,
  );
});

test("a bulk insert holding a taken address fails with DuplicateEmailError", async () => {
  const person = await registered();
  const rows = [newPerson(), { ...person, email: person.email.toUpperCase() }].map((p) => ({
    id: randomUUID(),
    ...p,
    role: "customer" as const,
    locale: "en",
  }));
  await expect(insertUsersBulk(await getDb(), rows, new Date())).rejects.toBeInstanceOf(DuplicateEmailError);
});
