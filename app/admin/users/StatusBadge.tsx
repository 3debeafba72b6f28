import { getTranslations } from "next-intl/server";
import type { DisplayStatus } from "@/lib/admin";

const tones: Record<DisplayStatus, string> = {
  active: "bg-success-soft text-success ring-success/30",
  invited: "bg-brand-soft text-brand-strong ring-brand/30",
  locked: "bg-danger-soft text-danger ring-danger/30",
  disabled: "bg-canvas text-muted ring-line-strong/40",
};

/** A user's status as a coloured label; the word carries the meaning, the colour only helps. */
export async function StatusBadge({ status }: { status: DisplayStatus }) {
  const t = await getTranslations("AdminUsers.statuses");
  return (
    <span
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ${tones[status]}`}
    >
      {t(status)}
    </span>
  );
}
