import Link from "next/link";
import { buttonClass } from "./styles";

type PageLink = { href: string; label: string } | null;

/**
 * The links under a long table to the page before and after it (and, when given, back to the
 * first), as a navigation landmark named for what it pages through. Nothing when everything fits
 * on one page. `rel` tells browsers and assistive technology which way each link goes.
 */
export function Pagination({
  label,
  first = null,
  previous,
  next,
}: {
  label: string;
  first?: PageLink;
  previous: PageLink;
  next: PageLink;
}) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className="mt-5 flex flex-wrap justify-between gap-4 border-t border-line pt-4">
      <div className="flex flex-wrap gap-3">
        {first ? (
          <Link href={first.href} className={buttonClass("secondary")}>
            {first.label}
          </Link>
        ) : null}
        {previous ? (
          <Link href={previous.href} rel="prev" className={buttonClass("secondary")}>
            {previous.label}
          </Link>
        ) : null}
      </div>
      {next ? (
        <Link href={next.href} rel="next" className={buttonClass("secondary")}>
          {next.label}
        </Link>
      ) : null}
    </nav>
  );
}
