import { useTranslations } from "next-intl";

/**
 * Tells users without JavaScript that registering a matrix password needs it. Rendered by
 * `MatrixPad`; pages may also render it on their own. Works in server and client components.
 */
export function MatrixNoScript() {
  const t = useTranslations("Matrix");
  return (
    <noscript>
      <p className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm font-medium text-ink">
        {t("noScript")}
      </p>
    </noscript>
  );
}
