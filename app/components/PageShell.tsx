import type { ReactNode } from "react";
import { containerClass } from "./styles";

const widths = {
  narrow: "max-w-xl",
  default: "max-w-3xl",
  wide: "max-w-6xl",
} as const;

/**
 * Standard page frame for inner pages: one h1 (the page title), an optional lead paragraph,
 * then the content. Use `narrow` for single forms (sign-in, verification), `default` for
 * text pages (terms, FAQ), `wide` for dashboards and tables.
 */
export function PageShell({
  title,
  lead,
  width = "default",
  children,
}: {
  title: string;
  lead?: ReactNode;
  width?: keyof typeof widths;
  children: ReactNode;
}) {
  return (
    <div className={`${containerClass} py-10 sm:py-14`}>
      <div className={`mx-auto ${widths[width]}`}>
        <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">{title}</h1>
        {lead ? <div className="mt-3 text-base text-muted sm:text-lg">{lead}</div> : null}
        <div className="mt-8 space-y-6">{children}</div>
      </div>
    </div>
  );
}
