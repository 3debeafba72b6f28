import { closeDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { auditLogCsv, auditLogFilter, getAuditLogPage, parseAuditLogQuery, type AuditLogRow } from "@/lib/admin";
import { startOfDay } from "@/lib/i18n/time-zone";
import { recordAudit, recordAuditMany, type AuditRecord } from "@/lib/audit";
import { parseCsv } from "@/lib/admin/csv";
import { registerUser } from "@/lib/onboarding";
import { newPerson, testContext } from "../support/people";

jest.mock("@/lib/mail/schedule", () => ({ scheduleMailDispatch: jest.fn(async () => {}) }));

afterAll(() => closeDb());

const TOKYO = "Asia/Tokyo";

async function registered(role: Role = "customer") {
  const person = newPerson();
  const result = await registerUser({ ...person, role }, testContext());
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return { ...person, id: result.userId };
}

function query(params: Record<string, string>) {
  const { query: q, errors } = parseAuditLogQuery(params);
  return { filter: auditLogFilter(q, errors, TOKYO), position: { before: q.before, after: q.after }, errors };
}

let operator: Awaited<ReturnType<typeof registered>>;
let alice: Awaited<ReturnType<typeof registered>>;
let bob: Awaited<ReturnType<typeof registered>>;
/**
 * 120 events by the operator: 60 with one shared timestamp on 2 March in Tokyo (ties broken by
 * id), and 60 a minute apart in the last hour of 1 March there.
 */
const base = new Date("2001-03-01T15:30:00Z"); // 2001-03-02 00:30 in Tokyo
const lastOfMarch1 = new Date("2001-03-01T14:59:00Z"); // 2001-03-01 23:59 in Tokyo

beforeAll(async () => {
  operator = await registered("operator");
  alice = await registered();
  bob = await registered();
  const tied: AuditRecord[] = Array.from({ length: 60 }, (_, i) => ({
    event: "login.unlocked",
    actorId: operator.id,
    subjectId: i % 2 ? alice.id : bob.id,
    outcome: "success",
    details: { i },
  }));
  await recordAuditMany(tied, testContext(base, "198.51.100.7"));
  for (let i = 0; i < 60; i++) {
    await recordAudit(
      {
        event: i % 3 === 0 ? "user.disabled" : "user.enabled",
        actorId: operator.id,
        subjectId: i % 2 ? alice.id : bob.id,
        outcome: "success",
      },
      { ip: "198.51.100.8", userAgent: "=cmd|' /C calc'!A0", now: new Date(lastOfMarch1.getTime() - i * 60_000) },
    );
  }
});

function assertNewestFirst(rows: AuditLogRow[]) {
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    expect(
      a.occurredAt.getTime() > b.occurredAt.getTime() ||
        (a.occurredAt.getTime() === b.occurredAt.getTime() && a.id > b.id),
    ).toBe(true);
  }
}

test("filters by actor email (any letter case), newest first, 50 per page with keyset cursors both ways", async () => {
  const { filter } = query({ actor: operator.email.toUpperCase() });
  const first = await getAuditLogPage(filter, {});
  expect(first.events).toHaveLength(50);
  expect(first.newer).toBeNull();
  const second = await getAuditLogPage(filter, { before: first.older! });
  expect(second.events).toHaveLength(50);
  const third = await getAuditLogPage(filter, { before: second.older! });
  expect(third.events).toHaveLength(20);
  expect(third.older).toBeNull();
  const all = [...first.events, ...second.events, ...third.events];
  expect(new Set(all.map((r) => r.id)).size).toBe(120);
  assertNewestFirst(all);
  expect(all.every((r) => r.actorEmail === operator.email)).toBe(true);

  // Back again from the last page: the same pages.
  const back = await getAuditLogPage(filter, { after: third.newer! });
  expect(back.events.map((r) => r.id)).toEqual(second.events.map((r) => r.id));
  const backAgain = await getAuditLogPage(filter, { after: back.newer! });
  expect(backAgain.events.map((r) => r.id)).toEqual(first.events.map((r) => r.id));
  expect(backAgain.newer).toBeNull();
});

test("filters by event and subject together, with subject addresses shown", async () => {
  const { filter } = query({ actor: operator.email, event: "user.disabled", subject: alice.email });
  const page = await getAuditLogPage(filter, {});
  // i % 3 === 0 and i odd: i = 3, 9, ..., 57 → 10 events.
  expect(page.events).toHaveLength(10);
  expect(
    page.events.every((r) => r.event === "user.disabled" && r.subjectEmail === alice.email && r.subjectId === alice.id),
  ).toBe(true);
});

test("filters by days in the operator's time zone, both ends inclusive", async () => {
  // The 60 tied events are at 00:30 on 2 March in Tokyo; the others fall on 1 March there.
  const march2 = await getAuditLogPage(
    query({ actor: operator.email, from: "2001-03-02", to: "2001-03-02" }).filter,
    {},
  );
  expect(march2.events).toHaveLength(50);
  expect(march2.events.every((r) => r.event === "login.unlocked")).toBe(true);
  const march1 = query({ actor: operator.email, from: "2001-03-01", to: "2001-03-01" });
  const page = await getAuditLogPage(march1.filter, {});
  expect(page.events).toHaveLength(50);
  expect(page.events.every((r) => r.event !== "login.unlocked")).toBe(true);
  expect(march1.filter.from).toEqual(new Date("2001-02-28T15:00:00Z"));
  expect(march1.filter.to).toEqual(new Date("2001-03-01T15:00:00Z"));
  expect(startOfDay("2001-07-01", "America/New_York")).toEqual(new Date("2001-07-01T04:00:00Z"));
});

test("an address nobody has matches nothing; wrong values are reported and left out", async () => {
  expect((await getAuditLogPage(query({ actor: "nobody-at-all@example.com" }).filter, {})).events).toHaveLength(0);
  const { errors } = query({ event: "drop table", actor: "not-an-email", from: "2001-02-30", to: "yesterday" });
  expect(errors).toEqual({ event: "eventUnknown", actor: "emailInvalid", from: "dateInvalid", to: "dateInvalid" });
  expect(query({ from: "2001-03-02", to: "2001-03-01" }).errors).toEqual({ to: "rangeInvalid" });
  const ignored = query({ event: "drop table", actor: "not-an-email" });
  expect(ignored.filter).toEqual({
    event: undefined,
    actorEmail: undefined,
    subjectEmail: undefined,
    from: undefined,
    to: undefined,
  });
});

test("the CSV export holds the filtered events, newest first, formulas defused, no secrets", async () => {
  let text = "";
  for await (const chunk of auditLogCsv(
    query({ actor: operator.email, subject: bob.email, event: "user.enabled" }).filter,
    TOKYO,
  ))
    text += chunk;
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error("bad csv");
  const [header, ...rows] = parsed.records;
  expect(header).toEqual([
    "occurred_at_utc",
    "occurred_at_Asia/Tokyo",
    "event",
    "outcome",
    "actor",
    "subject",
    "ip",
    "user_agent",
    "details",
  ]);
  // i even and not a multiple of 3: 20 of 60.
  expect(rows).toHaveLength(20);
  expect(rows[0]).toEqual([
    "2001-03-01T14:57:00.000Z",
    "2001-03-01 23:57:00",
    "user.enabled",
    "success",
    operator.email,
    bob.email,
    "198.51.100.8",
    "'=cmd|' /C calc'!A0",
    "",
  ]);
  expect(text.startsWith("\uFEFF")).toBe(true);
});

test("a user agent with a separator and a formula comes out of the audit CSV in one quoted cell, every cell quoted", async () => {
  const carol = await registered();
  const userAgent = "Mozilla;=cmd|' /C calc'!A0";
  await recordAudit(
    { event: "user.disabled", actorId: operator.id, subjectId: carol.id, outcome: "success" },
    { ip: "198.51.100.9", userAgent, now: new Date("2001-04-01T00:00:00Z") },
  );
  let text = "";
  for await (const chunk of auditLogCsv(query({ subject: carol.email, event: "user.disabled" }).filter, TOKYO))
    text += chunk;
  const [, line] = text.split("\r\n");
  expect(line).toBe(
    [
      "2001-04-01T00:00:00.000Z",
      "2001-04-01 09:00:00",
      "user.disabled",
      "success",
      operator.email,
      carol.email,
      "198.51.100.9",
      userAgent,
      "",
    ]
      .map((cell) => `"${cell}"`)
      .join(","),
  );
  // Read as a spreadsheet would where ";" separates cells (quotes honoured): no cell is a formula.
  expect(line!.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)).toHaveLength(1);
  const parsed = parseCsv(text);
  expect(parsed.ok && parsed.records[1]![7]).toBe(userAgent);
});
