import { randomUUID } from "node:crypto";
import { transaction, type Executor } from "@/db/client";
import { insertTokensBulk, insertUsersBulk, type ImportedUser } from "@/db/queries/import";
import { DuplicateEmailError } from "@/db/queries/users";
import { recordAuditMany, type AuditRecord } from "@/lib/audit";
import { queueEmails, scheduleMailDispatch, type QueueEmailInput } from "@/lib/mail";
import { startingGuideLink } from "@/lib/onboarding";
import type { RequestContext } from "@/lib/http/request-context";
import { MAX_REPORTED_ISSUES, readImportFile, type ImportResult } from "./import-file";
import { validateImportRows, type ValidRow } from "./import-rows";

/**
 * Bulk registration from a CSV upload (columns email, name, phone, company, role; optional
 * locale; UTF-8 with or without BOM). Every row is checked first; if any is wrong nothing is
 * imported and the report names each problem by row and column. Otherwise all users are
 * registered in one transaction with the same rows `registerUser` writes — the invited user,
 * a starting-guide token (only its hash is stored), the sealed starting-guide email and the
 * audit events — using a few multi-row inserts per table; the emails go out after the commit.
 * A file that would create operators is refused unless `operatorsAllowed` (the operator's
 * recent sign-in); customers-only files do not need it.
 */
export async function importUsers(
  bytes: Uint8Array,
  actorId: string | null,
  context: RequestContext,
  { operatorsAllowed = true }: { operatorsAllowed?: boolean } = {},
): Promise<ImportResult> {
  const file = readImportFile(bytes);
  if (!file.ok) {
    await recordAuditMany(
      [{ event: "users.imported", actorId, outcome: "failure", details: { error: file.error } }],
      context,
    );
    return file;
  }
  for (let attempt = 0; ; attempt++) {
    const { valid, issues } = await validateImportRows(file);
    if (issues.length > 0) {
      const invalidRows = new Set(issues.map((issue) => issue.row)).size;
      await recordAuditMany(
        [
          {
            event: "users.imported",
            actorId,
            outcome: "failure",
            details: { rows: file.rows.length, invalidRows, issues: issues.length },
          },
        ],
        context,
      );
      return {
        ok: false,
        error: "rows",
        rows: file.rows.length,
        invalidRows,
        totalIssues: issues.length,
        issues: issues.slice(0, MAX_REPORTED_ISSUES),
      };
    }
    if (!operatorsAllowed && valid.some(({ user }) => user.role === "operator"))
      return { ok: false, error: "reauthenticate" };
    try {
      await transaction((tx) => insertImport(tx, valid, actorId, context));
      break;
    } catch (error) {
      // Someone registered one of these addresses since the check: check again, and report it.
      if (error instanceof DuplicateEmailError && attempt === 0) continue;
      throw error;
    }
  }
  await scheduleMailDispatch();
  return { ok: true, imported: file.rows.length };
}

async function insertImport(
  tx: Executor,
  valid: readonly ValidRow[],
  actorId: string | null,
  context: RequestContext,
): Promise<void> {
  const users: ImportedUser[] = [];
  const tokens: { userId: string; tokenHash: string; purpose: "activation"; expiresAt: Date }[] = [];
  const emails: QueueEmailInput[] = [];
  const audit: AuditRecord[] = [];
  for (const { user } of valid) {
    const id = randomUUID();
    const { link, tokenHash, expiresAt } = startingGuideLink(context.now);
    users.push({ id, ...user });
    tokens.push({ userId: id, tokenHash, purpose: "activation", expiresAt });
    emails.push({
      to: user.email,
      template: "starting-guide",
      locale: user.locale,
      props: { name: user.name, link, expiresAt: expiresAt.toISOString() },
    });
    audit.push(
      {
        event: "user.registered",
        actorId,
        subjectId: id,
        outcome: "success",
        details: { role: user.role, via: "import" },
      },
      { event: "onboarding.guide_issued", actorId, subjectId: id, details: { purpose: "activation" } },
    );
  }
  audit.push({ event: "users.imported", actorId, outcome: "success", details: { rows: valid.length } });
  await insertUsersBulk(tx, users, context.now);
  await insertTokensBulk(tx, tokens, context.now);
  await queueEmails(tx, emails);
  await recordAuditMany(audit, context, tx);
}
