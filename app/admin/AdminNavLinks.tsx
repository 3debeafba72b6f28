"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type NavLink = { href: string; label: string; exact?: boolean };

/** The admin sections; the current one is marked with aria-current. */
export function AdminNavLinks({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  const current = (link: NavLink) =>
    link.exact ? pathname === link.href : pathname === link.href || pathname.startsWith(`${link.href}/`);
  return (
    // Wraps onto a second line on a phone rather than scrolling sideways (WCAG 1.4.10); each
    // label stays on one line (CJK text would otherwise break between any two characters).
    <ul className="flex flex-wrap gap-x-1">
      {links.map((link) => (
        <li key={link.href} className="shrink-0">
          <Link
            href={link.href}
            aria-current={current(link) ? "page" : undefined}
            className={
              "inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium whitespace-nowrap underline-offset-4 " +
              (current(link) ? "text-brand-strong underline decoration-2" : "text-ink hover:text-brand hover:underline")
            }
          >
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
