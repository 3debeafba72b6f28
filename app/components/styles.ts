/**
 * Shared class names, so every page's buttons, fields and links look and behave the same.
 * Plain strings/functions: usable from server and client components alike.
 */

/** Centred, max-width page container with side padding (no horizontal scroll at 320px). */
export const containerClass = "mx-auto w-full max-w-6xl px-4 sm:px-6 lg:px-8";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

const buttonBase =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-5 py-2.5 text-base font-semibold " +
  "no-underline transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60";

const buttonVariants: Record<ButtonVariant, string> = {
  primary: "bg-brand text-white shadow-sm hover:bg-brand-strong disabled:hover:bg-brand",
  secondary: "border border-line-strong bg-surface text-ink hover:bg-canvas",
  danger: "bg-danger text-white shadow-sm hover:bg-danger-strong disabled:hover:bg-danger",
  ghost: "text-brand hover:bg-brand-soft",
};

/** Class names for a `<button>` or a link styled as a button. */
export function buttonClass(variant: ButtonVariant = "primary", options: { fullWidth?: boolean } = {}): string {
  return `${buttonBase} ${buttonVariants[variant]}${options.fullWidth ? " w-full" : ""}`;
}

/** Class names for text inputs; pass `invalid` when the field has an error. */
export function inputClass(invalid = false): string {
  return (
    "block w-full min-h-11 rounded-lg border bg-surface px-3 py-2 text-base text-ink placeholder:text-muted " +
    (invalid ? "border-danger ring-1 ring-danger" : "border-line-strong")
  );
}

export const labelClass = "block font-semibold text-ink";
export const hintClass = "mt-1 text-sm text-muted";

/** Inline text link inside running text. */
export const linkClass =
  "font-medium text-brand underline decoration-1 underline-offset-4 hover:text-brand-strong hover:decoration-2";

/** Joins the ids that exist, for aria-describedby. Returns undefined when there are none. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string" && id.length > 0);
  return present.length > 0 ? present.join(" ") : undefined;
}
