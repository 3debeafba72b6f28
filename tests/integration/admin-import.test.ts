import { count, eq, inArray } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { auditEvents, emailOutbox, onboardingTokens } from "@/db/schema";
import { importUsers, readImportFile } from "@/lib/admin";
import { registerUser } from "@/lib/onboarding";
import { csvRow } from "@/lib/admin/csv";
import { newPerson, testContext } from "../support/people";
import { usersWithEmails } from "../support/accounts";

// Keep queued emails queued (sending wipes their sealed props, which a test opens).
jest.mock("@/lib/mail/schedule", () => ({ scheduleMailDispatch: jest.fn(async () => {}) }));

afterAll(() => closeDb());

const HEADER = ["email", "name", "phone", "company", "role"];
type Person = ReturnType<typeof newPerson>;
const fileOf = (rows: (readonly string[])[], header = HEADER) =>
  new TextEncoder().encode([header, ...rows].map(csvRow).join(""));
const line = (p: Person, role = "customer") => [p.email, p.name, p.phone, p.company, role];

describe("bulk import: all or nothing", () => {
  test("one bad row: nothing is imported and the report names the row and column", async () => {
    const people = [newPerson(), newPerson(), newPerson()];
    const rows = [line(people[0]!), [people[1]!.email, people[1]!.name, "03-1234-5678", "", ""], line(people[2]!)];
    const result = await importUsers(fileOf(rows), null, testContext());
    expect(result).toEqual({
      ok: false,
      error: "rows",
      rows: 3,
      invalidRows: 1,
      totalIssues: 1,
      issues: [{ row: 3, field: "phone", code: "phoneNoHyphens" }],
    });
    expect(await usersWithEmails(people.map((p) => p.email))).toHaveLength(0);
  });

  test("reports every problem of every row, by spreadsheet row number", async () => {
    const a = newPerson();
    const rows = [
      line(a),
      ["not-an-email", "", "0312345678", "", "admin"],
      [],
      ["x@example.com", "Only two"],
      [a.email.toUpperCase(), "Copy", "0399999999", "", ""],
    ];
    const result = await importUsers(fileOf(rows), null, testContext());
    expect(result).toMatchObject({
      ok: false,
      error: "rows",
      rows: 4,
      invalidRows: 3,
      issues: [
        { row: 3, field: "email", code: "emailInvalid" },
        { row: 3, field: "name", code: "required" },
        { row: 3, field: "role", code: "roleInvalid" },
        { row: 5, field: "row", code: "fieldCount", params: { expected: 5, found: 2 } },
        { row: 6, field: "email", code: "duplicateInFile", params: { first: 2 } },
      ],
    });
    expect(await usersWithEmails([a.email])).toHaveLength(0);
  });

  test("an address already registered (in any letter case) is reported", async () => {
    const existing = newPerson();
    expect((await registerUser(existing, testContext())).ok).toBe(true);
    const fresh = newPerson();
    const result = await importUsers(
      fileOf([line(fresh), line({ ...existing, email: existing.email.toUpperCase() })]),
      null,
      testContext(),
    );
    expect(result).toMatchObject({
      ok: false,
      error: "rows",
      issues: [{ row: 3, field: "email", code: "emailTaken" }],
    });
    expect(await usersWithEmails([fresh.email])).toHaveLength(0);
  });

  test("file-level problems: encoding, header, quotes, empty", async () => {
    const shiftJis = new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0x82, 0xa0]);
    expect(readImportFile(shiftJis)).toEqual({ ok: false, error: "encoding" });
    expect(readImportFile(new Uint8Array())).toEqual({ ok: false, error: "empty" });
    expect(readImportFile(fileOf([], ["email", "name"]))).toEqual({
      ok: false,
      error: "missingColumns",
      params: { columns: "phone" },
    });
    expect(readImportFile(fileOf([], ["email", "name", "phone", "password"]))).toEqual({
      ok: false,
      error: "unknownColumns",
      params: { columns: "password" },
    });
    expect(readImportFile(fileOf([]))).toEqual({ ok: false, error: "noRows" });
    expect(readImportFile(new TextEncoder().encode('email,name,phone\r\n"a@example.com,x,0312345678\r\n'))).toEqual({
      ok: false,
      error: "malformed",
      params: { row: 2 },
    });
  });
});

describe("bulk import: a good file", () => {
  test("creates invited users with tokens (hashes only), sealed outbox emails and audit events", async () => {
    const people = [newPerson(), newPerson({ name: "鈴木 花子", company: "" }), newPerson()];
    const text = `\uFEFF${[
      ["Email", "Name", "Phone", "Company", "Role", "Locale"],
      [...line(people[0]!), ""],
      [...line(people[1]!, ""), "ja"],
      [...line(people[2]!, "operator"), "en"],
    ]
      .map(csvRow)
      .join("")}`;
    const context = testContext();
    const result = await importUsers(new TextEncoder().encode(text), null, context);
    expect(result).toEqual({ ok: true, imported: 3 });

    const created = await usersWithEmails(people.map((p) => p.email));
    expect(created).toHaveLength(3);
    const byEmail = new Map(created.map((u) => [u.email, u]));
    expect(byEmail.get(people[0]!.email)).toMatchObject({
      status: "invited",
      role: "customer",
      locale: "en",
      company: people[0]!.company,
      phone: people[0]!.phone,
    });
    expect(byEmail.get(people[1]!.email)).toMatchObject({
      name: "鈴木 花子",
      company: null,
      locale: "ja",
      role: "customer",
    });
    expect(byEmail.get(people[2]!.email)).toMatchObject({ role: "operator" });

    const db = await getDb();
    const ids = created.map((u) => u.id);
    const tokens = await db.select().from(onboardingTokens).where(inArray(onboardingTokens.userId, ids));
    expect(tokens).toHaveLength(3);
    for (const token of tokens) {
      expect(token.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(token.purpose).toBe("activation");
      expect(token.expiresAt.getTime()).toBe(context.now.getTime() + 72 * 3600_000);
    }
    const emails = await db
      .select()
      .from(emailOutbox)
      .where(
        inArray(
          emailOutbox.toAddress,
          people.map((p) => p.email),
        ),
      );
    expect(emails).toHaveLength(3);
    for (const email of emails) {
      expect(email.template).toBe("starting-guide");
      // Sealed: neither the token nor even the user's name is readable in the row.
      expect(email.sealedProps).not.toContain("/start/");
      expect(email.sealedProps).not.toContain("鈴木");
    }
    expect(emails.find((e) => e.toAddress === people[1]!.email)?.locale).toBe("ja");

    const events = await db
      .select({ event: auditEvents.event, n: count() })
      .from(auditEvents)
      .where(inArray(auditEvents.subjectId, ids))
      .groupBy(auditEvents.event);
    expect(Object.fromEntries(events.map((e) => [e.event, Number(e.n)]))).toEqual({
      "user.registered": 3,
      "onboarding.guide_issued": 3,
    });
  });

  test("the emailed token is the one whose hash is stored, and it opens the starting guide", async () => {
    const { openJson, parseKeyring } = await import("@/lib/crypto");
    const { env } = await import("@/env");
    const { isStartingGuideUsable } = await import("@/lib/onboarding");
    const person = newPerson();
    expect(await importUsers(fileOf([line(person)]), null, testContext())).toEqual({ ok: true, imported: 1 });
    const db = await getDb();
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, person.email));
    const keyring = parseKeyring(env.PATTERN_KEY_ID, env.PATTERN_KEY, env.PATTERN_KEYS_PREVIOUS);
    // Opened only with the row's own context (id, template, recipient), as the dispatcher does.
    const props = openJson(
      row!.sealedProps!,
      `email-outbox:${row!.id}:${row!.template}:${row!.toAddress}`,
      keyring.all,
    ) as { link: string; name: string };
    expect(props.name).toBe(person.name);
    const token = props.link.split("/start/")[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await isStartingGuideUsable(token, new Date())).toBe(true);
  });
});

describe("operators in an import need a recent sign-in", () => {
  test("without it, a file that creates an operator imports nothing; a customers-only file still imports", async () => {
    const [customer, operator, other] = [newPerson(), newPerson(), newPerson()];
    const withOperator = fileOf([line(customer), line(operator, "operator")]);
    expect(await importUsers(withOperator, null, testContext(), { operatorsAllowed: false })).toEqual({
      ok: false,
      error: "reauthenticate",
    });
    expect(await usersWithEmails([customer.email, operator.email])).toHaveLength(0);

    expect(await importUsers(fileOf([line(other)]), null, testContext(), { operatorsAllowed: false })).toEqual({
      ok: true,
      imported: 1,
    });
    expect(await importUsers(withOperator, null, testContext(), { operatorsAllowed: true })).toEqual({
      ok: true,
      imported: 2,
    });
    expect((await usersWithEmails([operator.email]))[0]!.role).toBe("operator");
  });
});
