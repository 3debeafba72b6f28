import { getTranslations } from "next-intl/server";
import { DataTable } from "@/app/components/DataTable";
import type { DirectoryUser } from "@/lib/admin";

/** The user's recent audit events, newest first, with who acted: the system, the user or an operator. */
export async function UserEventsTable({
  events,
  userId,
  when,
}: {
  events: DirectoryUser["events"];
  userId: string;
  when: (date: Date) => string;
}) {
  const t = await getTranslations("AdminUsers");
  return (
    <DataTable
      caption={t("auditCaption")}
      columns={[
        t("audit.when"),
        t("audit.event"),
        t("audit.outcome"),
        t("audit.actor"),
        t("audit.ip"),
        t("audit.details"),
      ]}
    >
      {events.map((event) => (
        <tr key={event.id} className="border-b border-line align-top last:border-0">
          <td className="py-2 pr-4 whitespace-nowrap text-ink">{when(event.occurredAt)}</td>
          <td className="py-2 pr-4 font-mono text-xs text-ink">{event.event}</td>
          <td className="py-2 pr-4 whitespace-nowrap text-ink">{t(`outcomes.${event.outcome}`)}</td>
          <td className="min-w-32 py-2 pr-4 text-ink [overflow-wrap:anywhere]">
            {event.actorId === null
              ? t("audit.system")
              : event.actorId === userId
                ? t("audit.self")
                : (event.actorEmail ?? event.actorId)}
          </td>
          <td className="py-2 pr-4 whitespace-nowrap text-ink">{event.ip ?? "—"}</td>
          <td className="min-w-56 py-2 font-mono text-xs text-muted [overflow-wrap:anywhere]">
            {event.details
              ? Object.entries(event.details)
                  .map(([key, value]) => `${key}=${String(value)}`)
                  .join(" ")
              : ""}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
