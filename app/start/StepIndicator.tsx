import { getTranslations } from "next-intl/server";

const TOTAL_STEPS = 3;

/** "Step 2 of 3" with a bar, for the onboarding pages. */
export async function StepIndicator({ current }: { current: 1 | 2 | 3 }) {
  const t = await getTranslations("Onboarding");
  return (
    <div>
      <p className="text-sm font-semibold text-muted">{t("steps", { current, total: TOTAL_STEPS })}</p>
      <div className="mt-2 flex gap-1.5" aria-hidden="true">
        {Array.from({ length: TOTAL_STEPS }, (_, step) => (
          <span key={step} className={`h-1.5 flex-1 rounded-full ${step < current ? "bg-brand" : "bg-line"}`} />
        ))}
      </div>
    </div>
  );
}
