import { normalizeText } from "@/lib/identity";
import { getDb } from "@/db/client";
import { listAuditLog, type AuditLogFilter, type AuditLogRow } from "@/db/queries/audit";
import { AUDIT_EVENT_NAMES, recordAudit } from "@/lib/audit";
import { csvRow, csvRows, CSV_BOM } from "./csv";
import { nextDay, startOfDay } from "@/lib/i18n/time-zone";
import type { RequestContext } from "@/lib/http/request-context";

export const AUDIT_PAGE_SIZE = 50;
/** Most rows one CSV export holds. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export type AuditLogField = "event" | "actor" | "subject" | "from" | "to";
/** The audit log's GET form, as typed (what the page echoes back into the fields). */
export type AuditLogQuery = Partial<Record<AuditLogField, string>> & { before?: number; after?: number };
export type AuditLogErrors = Partial<
  Record<AuditLogField, "eventUnknown" | "emailInvalid" | "dateInvalid" | "rangeInvalid">
>;
export type { AuditLogRow };

type SearchParams = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Reads the audit log's GET parameters; wrong values are reported and left out of the filter. */
export function parseAuditLogQuery(params: SearchParams): { query: AuditLogQuery; errors: AuditLogErrors } {
  const query: AuditLogQuery = {};
  const errors: AuditLogErrors = {};
  for (const field of ["event", "actor", "subject", "from", "to"] as const) {
    const value = normalizeText(single(params[field]).slice(0, 254));
    if (value) query[field] = value;
  }
  if (query.event && !(AUDIT_EVENT_NAMES as readonly string[]).includes(query.event)) errors.event = "eventUnknown";
  for (const field of ["actor", "subject"] as const)
    if (query[field] && !EMAIL.test(query[field])) errors[field] = "emailInvalid";
  for (const field of ["from", "to"] as const)
    if (query[field] && !validDate(query[field])) errors[field] = "dateInvalid";
  if (query.from && query.to && !errors.from && !errors.to && query.from > query.to) errors.to = "rangeInvalid";
  for (const field of ["before", "after"] as const) {
    const value = single(params[field]);
    if (/^\d{1,15}$/.test(value)) query[field] = Number(value);
  }
  if (query.before !== undefined && query.after !== undefined) delete query.after;
  return { query, errors };
}

/** The database filter for a query: the day range in the operator's time zone, inclusive. */
export function auditLogFilter(query: AuditLogQuery, errors: AuditLogErrors, timeZone: string): AuditLogFilter {
  return {
    event: errors.event ? undefined : query.event,
    actorEmail: errors.actor ? undefined : query.actor,
    subjectEmail: errors.subject ? undefined : query.subject,
    from: query.from && !errors.from ? startOfDay(query.from, timeZone) : undefined,
    to: query.to && !errors.to ? startOfDay(nextDay(query.to), timeZone) : undefined,
  };
}

export type AuditLogPage = {
  events: AuditLogRow[];
  /** Cursor for the newer page (`after`), or null on the newest page. */
  newer: number | null;
  /** Cursor for the older page (`before`), or null on the oldest page. */
  older: number | null;
};

/** One page of 50 events, newest first, with keyset cursors to the neighbouring pages. */
export async function getAuditLogPage(
  filter: AuditLogFilter,
  position: { before?: number; after?: number },
): Promise<AuditLogPage> {
  const rows = await listAuditLog(await getDb(), filter, position, AUDIT_PAGE_SIZE + 1);
  const more = rows.length > AUDIT_PAGE_SIZE;
  if (position.after !== undefined) {
    // Paging back: the extra row is the newest one, beyond this page.
    const events = more ? rows.slice(1) : rows;
    return { events, newer: more ? events[0]!.id : null, older: events.at(-1)?.id ?? null };
  }
  const events = more ? rows.slice(0, AUDIT_PAGE_SIZE) : rows;
  return {
    events,
    newer: position.before !== undefined ? (events[0]?.id ?? null) : null,
    older: more ? events.at(-1)!.id : null,
  };
}

function localTime(instant: Date, timeZone: string): string {
  // sv-SE formats as "2025-04-01 09:30:00": sortable and unambiguous in a spreadsheet.
  return instant.toLocaleString("sv-SE", { timeZone, hour12: false });
}

/**
 * The filtered events as CSV (UTF-8 with BOM, CRLF, formulas defused), newest first, produced
 * in keyset batches so memory stays flat. Times in UTC and in the operator's time zone.
 */
export async function* auditLogCsv(filter: AuditLogFilter, timeZone: string): AsyncGenerator<string> {
  yield (
    CSV_BOM +
    csvRow([
      "occurred_at_utc",
      `occurred_at_${timeZone}`,
      "event",
      "outcome",
      "actor",
      "subject",
      "ip",
      "user_agent",
      "details",
    ])
  );
  const db = await getDb();
  let before: number | undefined;
  let written = 0;
  while (written < AUDIT_EXPORT_MAX_ROWS) {
    const rows = await listAuditLog(db, filter, { before }, 1000);
    if (rows.length === 0) return;
    yield csvRows(
      rows.map((row) => [
        row.occurredAt.toISOString(),
        localTime(row.occurredAt, timeZone),
        row.event,
        row.outcome,
        row.actorEmail ?? row.actorId ?? "",
        row.subjectEmail ?? row.subjectId ?? "",
        row.ip,
        row.userAgent,
        row.details ? JSON.stringify(row.details) : "",
      ]),
    );
    written += rows.length;
    before = rows.at(-1)!.id;
  }
}

/** Notes in the audit log that an operator exported it (no filter values: they may be addresses). */
export async function recordAuditExport(
  actorId: string,
  filter: AuditLogFilter,
  context: RequestContext,
): Promise<void> {
  await recordAudit(
    {
      event: "audit.exported",
      actorId,
      outcome: "success",
      details: {
        event: filter.event ?? null,
        byActor: Boolean(filter.actorEmail),
        bySubject: Boolean(filter.subjectEmail),
      },
    },
    context,
  );
}
