import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { onboardingTokens, users, type Role } from "../schema";
import { insertingUsers } from "./users";

/**
 * Which of these addresses are already registered (case-insensitive), in one query whatever
 * their number: the list travels as one JSON parameter. Returns them lowercased.
 */
export async function findRegisteredEmails(executor: Executor, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const wanted = JSON.stringify([...new Set(emails.map((email) => email.toLowerCase()))]);
  const rows = await executor
    .select({ email: sql<string>`lower(${users.email})` })
    .from(users)
    .where(sql`lower(${users.email}) in (select jsonb_array_elements_text(${wanted}::jsonb))`);
  return new Set(rows.map((row) => row.email));
}

export type ImportedUser = {
  id: string;
  email: string;
  name: string;
  phone: string;
  company: string | null;
  role: Role;
  locale: string;
};

/**
 * Many rows travel as one JSON parameter and are inserted with one INSERT … SELECT from
 * jsonb_to_recordset: far faster than multi-row VALUES with thousands of bound parameters
 * (PGlite especially), and never near PostgreSQL's 65,535-parameter limit.
 */
export const JSON_CHUNK = 5000;

export function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += JSON_CHUNK) out.push(rows.slice(i, i + JSON_CHUNK));
  return out;
}

/** Inserts invited users with ids chosen by the caller; DuplicateEmailError when an address is taken. */
export async function insertUsersBulk(executor: Executor, rows: readonly ImportedUser[], now: Date): Promise<void> {
  for (const chunk of chunks(rows)) {
    await insertingUsers(() =>
      executor.execute(sql`
      insert into ${users} (id, email, name, phone, company, role, status, locale, created_at, updated_at)
      select x.id, x.email, x.name, x.phone, x.company, x.role::user_role, 'invited', x.locale, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as x(id uuid, email text, name text, phone text, company text, role text, locale text)`),
    );
  }
}

/** Inserts starting-guide tokens (hashes only). */
export async function insertTokensBulk(
  executor: Executor,
  rows: readonly { userId: string; tokenHash: string; purpose: "activation"; expiresAt: Date }[],
  now: Date,
): Promise<void> {
  for (const chunk of chunks(rows)) {
    await executor.execute(sql`
      insert into ${onboardingTokens} (user_id, token_hash, purpose, expires_at, created_at)
      select x."userId", x."tokenHash", x.purpose::token_purpose, x."expiresAt", ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as x("userId" uuid, "tokenHash" text, purpose text, "expiresAt" timestamptz)`);
  }
}
