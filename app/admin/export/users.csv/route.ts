import { recordUsersExport, usersCsv } from "@/lib/admin";
import { textStream } from "@/lib/http/text-stream";
import { now } from "@/lib/platform/clock";
import { requestContext } from "@/lib/http/request-context";
import { requireOperator } from "@/lib/sessions";

/** Every user as a CSV attachment (formulas defused). Operators only; the export is audited. */
export async function GET(): Promise<Response> {
  const operator = await requireOperator();
  await recordUsersExport(operator.id, await requestContext());
  const date = now().toISOString().slice(0, 10);
  return new Response(textStream(usersCsv()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="users-${date}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
