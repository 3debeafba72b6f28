import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { env } from "@/env";
import {
  dispatchPendingEmails,
  getOutboxCounts,
  listCapturedEmails,
  queueEmail,
  scheduleMailDispatch,
} from "@/lib/mail";
import { createCaptureTransport } from "@/lib/mail/transport";

/**
 * The development transport: emails are rendered and captured in the dev mailbox. Rows are
 * queued a year ahead and claims are limited to this file's addresses, so the file is
 * independent of other tests' rows on a shared PostgreSQL.
 */

jest.setTimeout(30_000);

const run = randomUUID().slice(0, 8);
let counter = 0;
const START = new Date(Math.floor(Date.now() / 1000) * 1000 + 365 * 24 * 60 * 60_000);
const capture = createCaptureTransport();
const address = () => `outbox-${run}-${++counter}@example.test`;

afterAll(() => closeDb());

beforeEach(() => {
  for (const method of ["info", "warn", "error"] as const) jest.spyOn(console, method).mockImplementation(() => {});
});
afterEach(() => jest.restoreAllMocks());

async function rawRow(id: string): Promise<string> {
  const db = await getDb();
  const result = await db.execute(sql`select row_to_json(e)::text as row from email_outbox e where e.id = ${id}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { row: string }[];
  expect(rows).toHaveLength(1);
  return rows[0]!.row;
}

async function queueGuide(to: string, locale: "en" | "ja", token: string) {
  const db = await getDb();
  return queueEmail(db, {
    to,
    template: "starting-guide",
    locale,
    props: { name: "Hanako Yamada", link: `${env.APP_URL}/start/${token}`, expiresAt: "2026-12-01T09:00:00.000Z" },
    notBefore: START,
  });
}

test("the outbox never holds a starting-guide token in plain text, before or after sending", async () => {
  const to = address();
  const token = randomBytes(32).toString("base64url");
  const { id } = await queueGuide(to, "en", token);

  const queued = await rawRow(id);
  expect(queued).not.toContain(token);
  expect(queued).not.toContain("/start/");
  expect(queued).toContain('"status":"pending"');
  expect(queued).toMatch(/"sealed_props":"v1\.[\w-]+\.[\w-]+"/);

  await dispatchPendingEmails({ now: START, transport: capture, recipients: [to] });

  const sent = await rawRow(id);
  expect(sent).not.toContain(token);
  expect(sent).toContain('"status":"sent"');
  expect(sent).toContain('"sealed_props":null');
});

test("captured emails land in the dev mailbox, rendered in the recipient's locale, once", async () => {
  const en = { to: address(), token: randomBytes(32).toString("base64url") };
  const ja = { to: address(), token: randomBytes(32).toString("base64url") };
  const enRow = await queueGuide(en.to, "en", en.token);
  const jaRow = await queueGuide(ja.to, "ja", ja.token);

  const result = await dispatchPendingEmails({ now: START, transport: capture, recipients: [en.to, ja.to] });
  expect(result).toMatchObject({ claimed: 2, sent: 2, retried: 0, failed: 0 });

  const [enMail] = await listCapturedEmails({ to: en.to });
  expect(enMail).toMatchObject({ to: en.to, subject: "Your Matrix Portal starting guide" });
  expect(enMail!.html).toContain(`href="${env.APP_URL}/start/${en.token}"`);
  expect(enMail!.text).toContain(`${env.APP_URL}/start/${en.token}`);
  expect(enMail!.createdAt.getTime()).toBe(START.getTime());

  const [jaMail] = await listCapturedEmails({ to: ja.to.toUpperCase() });
  expect(jaMail).toMatchObject({ to: ja.to, subject: "【Matrix Portal】ご利用開始のご案内（スタートガイド）" });
  expect(jaMail!.html).toContain("Hanako Yamada 様");

  const db = await getDb();
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, enRow.id));
  expect(row).toMatchObject({
    status: "sent",
    sealedProps: null,
    attempts: 0,
    providerId: `dev-mailbox:${enMail!.id}`,
  });
  expect(row!.sentAt?.getTime()).toBe(START.getTime());

  // Nothing more to do: a second pass neither claims nor captures again.
  const again = await dispatchPendingEmails({
    now: new Date(START.getTime() + 60_000),
    transport: capture,
    recipients: [en.to, ja.to],
  });
  expect(again.claimed).toBe(0);
  expect(await listCapturedEmails({ to: en.to })).toHaveLength(1);
  expect(jaRow.id).not.toBe(enRow.id);
});

test("an email queued in a transaction that rolls back does not exist", async () => {
  const to = address();
  const db = await getDb();
  let queuedId = "";
  await expect(
    db.transaction(async (tx) => {
      queuedId = (
        await queueEmail(tx, {
          to,
          template: "terms-changed",
          locale: "en",
          props: { name: "A", version: 2, publishedAt: START.toISOString() },
        })
      ).id;
      throw new Error("the change failed");
    }),
  ).rejects.toThrow("the change failed");
  expect(queuedId).not.toBe("");
  expect(await db.select().from(emailOutbox).where(eq(emailOutbox.id, queuedId))).toHaveLength(0);
});

test("props moved to another recipient do not open: the email fails instead of leaking the link", async () => {
  const victim = address();
  const attacker = address();
  const token = randomBytes(32).toString("base64url");
  const { id } = await queueGuide(victim, "en", token);
  const db = await getDb();
  await db.update(emailOutbox).set({ toAddress: attacker }).where(eq(emailOutbox.id, id));

  const result = await dispatchPendingEmails({ now: START, transport: capture, recipients: [attacker] });

  expect(result).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
  expect(await listCapturedEmails({ to: attacker })).toHaveLength(0);
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  expect(row).toMatchObject({ status: "failed", lastError: "unsendable" });
});

test("queueEmail refuses unknown templates and malformed addresses", async () => {
  const db = await getDb();
  await expect(
    queueEmail(db, {
      to: address(),
      template: "nope" as "terms-changed",
      locale: "en",
      props: { name: "A", version: 2, publishedAt: START.toISOString() },
    }),
  ).rejects.toThrow("Unknown email template");
  await expect(
    queueEmail(db, {
      to: "not an address",
      template: "terms-changed",
      locale: "en",
      props: { name: "A", version: 2, publishedAt: START.toISOString() },
    }),
  ).rejects.toThrow("Invalid recipient address");
});

test("outbox counts cover every status", async () => {
  const counts = await getOutboxCounts();
  expect(Object.keys(counts).sort()).toEqual(["failed", "pending", "sent"]);
  expect(counts.sent).toBeGreaterThanOrEqual(1);
});

// scheduleMailDispatch sends everything due: on a shared PostgreSQL, run the suites one file at
// a time (--runInBand, as CI does) so it cannot take another file's emails mid-test.
test("scheduleMailDispatch outside a request runs the dispatch at once and never throws", async () => {
  const to = address();
  const db = await getDb();
  await queueEmail(db, {
    to,
    template: "pattern-set",
    locale: "ja",
    props: { name: "Aiko Sato", kind: "changed", at: new Date().toISOString() },
  });

  // One pass sends the oldest 100 due emails; a shared database may hold older ones from other
  // files, so pass again until this one is out (each pass must resolve without throwing).
  let mail: Awaited<ReturnType<typeof listCapturedEmails>>[number] | undefined;
  for (let pass = 0; pass < 50 && !mail; pass++) {
    await expect(scheduleMailDispatch()).resolves.toBeUndefined();
    [mail] = await listCapturedEmails({ to });
  }
  expect(mail?.subject).toBe("【Matrix Portal】マトリクスパスワード変更のお知らせ");
});
