import type { ReactNode } from "react";

const tones = {
  success: {
    badge: "bg-success-soft text-success",
    icon: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  },
  warning: {
    badge: "bg-danger-soft text-danger",
    icon: <path d="M12 6.5v7m0 4v.01" />,
  },
  info: {
    badge: "bg-brand-soft text-brand",
    icon: <path d="M12 11v5.5m0-9v.01" />,
  },
} as const;

/**
 * The body of a page that reports an outcome (done, link no longer valid, session ended): a
 * panel with a decorative status icon beside the message and the next step. Use it under
 * `PageShell`, which gives the page its h1. Works in server and client components.
 */
export function StatusPanel({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  const { badge, icon } = tones[tone];
  return (
    <div className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-5 shadow-sm sm:flex-row sm:gap-5 sm:p-8">
      <span aria-hidden="true" className={`flex size-11 shrink-0 items-center justify-center rounded-full ${badge}`}>
        <svg
          viewBox="0 0 24 24"
          className="size-6"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.4"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          {icon}
        </svg>
      </span>
      <div className="min-w-0 flex-1 space-y-5 sm:pt-2">{children}</div>
    </div>
  );
}
