import type { NextRequest } from "next/server";
import { auditLogCsv, auditLogFilter, operatorTimeZone, parseAuditLogQuery, recordAuditExport } from "@/lib/admin";
import { textStream } from "@/lib/http/text-stream";
import { now } from "@/lib/platform/clock";
import { requestContext } from "@/lib/http/request-context";
import { requireOperator } from "@/lib/sessions";

/** The audit events matching the page's filter, as a CSV attachment. Operators only; audited. */
export async function GET(request: NextRequest): Promise<Response> {
  const operator = await requireOperator();
  const { query, errors } = parseAuditLogQuery(Object.fromEntries(request.nextUrl.searchParams));
  const timeZone = await operatorTimeZone(operator.id);
  const filter = auditLogFilter(query, errors, timeZone);
  await recordAuditExport(operator.id, filter, await requestContext());
  const date = now().toISOString().slice(0, 10);
  return new Response(textStream(auditLogCsv(filter, timeZone)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${date}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
