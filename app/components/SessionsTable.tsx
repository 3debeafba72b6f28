import { getTranslations } from "next-intl/server";
import type { Device, ListedSession } from "@/lib/sessions";
import { DataTable } from "./DataTable";
import { buttonClass } from "./styles";

/**
 * A user's live sessions: device, address, last activity, and an "End session" button per
 * row (the current one, on the user's own list, says "This device" instead). Each button is
 * described by its row's device cell, so a screen reader says which session it ends while its
 * name stays "End session". `hidden` fields go with every form (the admin page's user id).
 */
export async function SessionsTable({
  sessions,
  endAction,
  hidden = {},
  when,
}: {
  sessions: ListedSession[];
  endAction: (form: FormData) => Promise<void>;
  hidden?: Record<string, string>;
  when: (date: Date) => string;
}) {
  const t = await getTranslations("Sessions");
  if (sessions.length === 0) return <p className="text-muted">{t("none")}</p>;
  const device = ({ browser, system }: Device) =>
    browser && system ? t("device", { browser, system }) : (browser ?? system ?? t("unknownDevice"));
  return (
    <DataTable
      caption={t("caption")}
      columns={[t("columns.device"), t("columns.ip"), t("columns.lastActive"), t("columns.action")]}
    >
      {sessions.map((session) => (
        <tr key={session.id} className="border-b border-line align-top last:border-0">
          <td id={`session-${session.id}`} className="py-2 pr-4 text-ink">
            {device(session.device)}
          </td>
          <td className="py-2 pr-4 break-all text-ink">{session.ip ?? "—"}</td>
          <td className="py-2 pr-4 whitespace-nowrap text-ink">{when(session.lastSeenAt)}</td>
          <td className="py-2">
            {session.current ? (
              <strong className="font-semibold whitespace-nowrap text-ink">{t("thisDevice")}</strong>
            ) : (
              <form action={endAction}>
                {Object.entries(hidden).map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                <input type="hidden" name="sessionId" value={session.id} />
                <button
                  type="submit"
                  className={`${buttonClass("secondary")} whitespace-nowrap`}
                  aria-describedby={`session-${session.id}`}
                >
                  {t("end")}
                </button>
              </form>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
