import type { ReactNode } from "react";

export type FormMessageTone = "info" | "success" | "error";

const tones: Record<FormMessageTone, string> = {
  info: "border-brand/30 bg-brand-soft text-ink",
  success: "border-success/30 bg-success-soft text-ink",
  error: "border-danger/30 bg-danger-soft text-ink",
};

/**
 * A form-level status message (e.g. "We sent a new link" or "The code was not correct").
 * The live region is always rendered so that changes are announced; it is empty and
 * invisible when there is no message. `error` uses an assertive alert, others are polite.
 * Works in server and client components.
 */
export function FormMessage({
  tone = "info",
  children,
  id,
}: {
  tone?: FormMessageTone;
  children?: ReactNode;
  id?: string;
}) {
  const hasMessage = children !== undefined && children !== null && children !== false && children !== "";
  return (
    // `empty:mb-0`: while empty, the region takes no room in a `space-y-*` stack (it stays in the
    // accessibility tree, so a message that appears later is still announced).
    <div
      id={id}
      role={tone === "error" ? "alert" : "status"}
      aria-live={tone === "error" ? "assertive" : "polite"}
      className="empty:mb-0"
    >
      {hasMessage ? <div className={`rounded-lg border px-4 py-3 text-sm ${tones[tone]}`}>{children}</div> : null}
    </div>
  );
}
