import { getTranslations } from "next-intl/server";

/** An application's status as a coloured label; the word carries the meaning, the colour only helps. */
export async function AppStatusBadge({ disabled }: { disabled: boolean }) {
  const t = await getTranslations("AdminApps.statuses");
  return (
    <span
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ${
        disabled ? "bg-canvas text-muted ring-line-strong/40" : "bg-success-soft text-success ring-success/30"
      }`}
    >
      {disabled ? t("disabled") : t("enabled")}
    </span>
  );
}
