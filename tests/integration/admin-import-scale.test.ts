import { randomUUID } from "node:crypto";
import { count, inArray, like, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { auditEvents, emailOutbox, onboardingTokens, users } from "@/db/schema";
import { importUsers, IMPORT_LIMITS } from "@/lib/admin";
import { csvRow } from "@/lib/admin/csv";
import { scheduleMailDispatch } from "@/lib/mail/schedule";
import { testContext } from "../support/people";

// Sending is measured elsewhere: in a request it runs after the response (Next's after()).
jest.mock("@/lib/mail/schedule", () => ({ scheduleMailDispatch: jest.fn(async () => {}) }));

const batch = `bulk-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  // Leave a shared PostgreSQL database as we found it.
  const db = await getDb();
  const ids = db
    .select({ id: users.id })
    .from(users)
    .where(like(users.email, `${batch}-%`));
  await db.delete(auditEvents).where(inArray(auditEvents.subjectId, ids));
  await db.delete(emailOutbox).where(like(emailOutbox.toAddress, `${batch}-%`));
  await db.delete(users).where(like(users.email, `${batch}-%`));
  await closeDb();
});

test("10,000 rows are checked and imported in one transaction within seconds", async () => {
  const rows = IMPORT_LIMITS.maxRows;
  let csv = csvRow(["email", "name", "phone", "company", "role"]);
  for (let i = 0; i < rows; i++)
    csv += csvRow([
      `${batch}-${i}@example.com`,
      `Bulk User ${i}`,
      `090${String(i).padStart(8, "0")}`,
      "Bulk K.K.",
      i % 100 === 0 ? "operator" : "",
    ]);
  const bytes = new TextEncoder().encode(`\uFEFF${csv}`);
  await getDb();

  const started = performance.now();
  const result = await importUsers(bytes, null, testContext());
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Imported ${rows} rows (${(bytes.byteLength / 1024 / 1024).toFixed(2)} MB) in ${seconds.toFixed(2)} s on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"} (validation, one transaction, commit)`,
  );

  expect(result).toEqual({ ok: true, imported: rows });
  expect(scheduleMailDispatch).toHaveBeenCalledTimes(1);
  const db = await getDb();
  const ids = db
    .select({ id: users.id })
    .from(users)
    .where(like(users.email, `${batch}-%`));
  const [created] = await db
    .select({ n: count() })
    .from(users)
    .where(like(users.email, `${batch}-%`));
  expect(created!.n).toBe(rows);
  const [operators] = await db
    .select({ n: count() })
    .from(users)
    .where(sql`${users.email} like ${`${batch}-%`} and ${users.role} = 'operator'`);
  expect(operators!.n).toBe(rows / 100);
  const [tokens] = await db.select({ n: count() }).from(onboardingTokens).where(inArray(onboardingTokens.userId, ids));
  expect(tokens!.n).toBe(rows);
  const [queued] = await db
    .select({ n: count() })
    .from(emailOutbox)
    .where(like(emailOutbox.toAddress, `${batch}-%`));
  expect(queued!.n).toBe(rows);
  const [audited] = await db.select({ n: count() }).from(auditEvents).where(inArray(auditEvents.subjectId, ids));
  expect(audited!.n).toBe(rows * 2);
  expect(seconds).toBeLessThan(30);
}, 120_000);
