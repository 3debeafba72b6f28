import type { ReactNode } from "react";

/**
 * A white, bordered panel. Give `title` for a heading (h2 by default), `id` to link to it; with
 * both, the panel is a region named by its heading.
 */
export function Card({
  id,
  title,
  headingLevel = 2,
  children,
  className = "",
}: {
  id?: string;
  title?: string;
  headingLevel?: 2 | 3;
  children: ReactNode;
  className?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = id && title ? `${id}-heading` : undefined;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={`rounded-2xl border border-line bg-surface p-5 shadow-sm sm:p-8 ${className}`}
    >
      {title ? (
        <Heading id={headingId} className="mb-4 text-xl font-semibold text-ink">
          {title}
        </Heading>
      ) : null}
      {children}
    </section>
  );
}
