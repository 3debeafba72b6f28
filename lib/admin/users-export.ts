import { getDb } from "@/db/client";
import { listUsersForExport } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit";
import { csvRow, CSV_BOM } from "./csv";
import type { RequestContext } from "@/lib/http/request-context";

export const USER_EXPORT_COLUMNS = [
  "email",
  "name",
  "phone",
  "company",
  "role",
  "status",
  "locale",
  "created_at",
  "last_sign_in_at",
] as const;

/**
 * Every user as CSV (UTF-8 with BOM, CRLF, formulas defused), in id order, in keyset batches.
 * The first five columns are the import format. Never a pattern or token.
 */
export async function* usersCsv(): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(USER_EXPORT_COLUMNS);
  const db = await getDb();
  let after: string | undefined;
  for (;;) {
    const rows = await listUsersForExport(db, after, 1000);
    if (rows.length === 0) return;
    yield rows
      .map((u) =>
        csvRow([
          u.email,
          u.name,
          u.phone,
          u.company,
          u.role,
          u.status,
          u.locale,
          u.createdAt.toISOString(),
          u.lastSignInAt?.toISOString() ?? "",
        ]),
      )
      .join("");
    after = rows.at(-1)!.id;
  }
}

export async function recordUsersExport(actorId: string, context: RequestContext): Promise<void> {
  await recordAudit({ event: "users.exported", actorId, outcome: "success" }, context);
}
