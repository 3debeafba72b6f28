"use client";

import { useTranslations } from "next-intl";
import type { MouseEvent } from "react";

export type ErrorSummaryItem = { id: string; label: string; message: string };

/**
 * WCAG error summary: when a submitted form comes back with field errors, lists them at the top
 * of the form as links to the fields ("<label>: <message>" → `#<field id>`), in an alert so the
 * problem is announced. Renders nothing when there are no errors. Links are plain fragment links
 * (they work without JavaScript); with JavaScript a click also moves focus into the field.
 */
export function ErrorSummary({ errors }: { errors: readonly ErrorSummaryItem[] }) {
  const t = useTranslations("ErrorSummary");
  if (errors.length === 0) return null;
  const focusField = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const field = document.getElementById(id);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus();
  };
  return (
    <div
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded-lg border-2 border-danger bg-danger-soft px-4 py-3 text-ink"
    >
      <h2 id="error-summary-title" className="text-base font-bold">
        {t("title")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {errors.map((error) => (
          <li key={error.id} className="break-words">
            <a
              href={`#${error.id}`}
              onClick={(event) => focusField(event, error.id)}
              className="font-medium text-danger underline underline-offset-4"
            >
              {error.label}: {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The summary items for the fields that have an error, in the order the fields are given. */
export function summaryErrors<Field extends string>(
  fieldErrors: Partial<Record<Field, string>> | undefined,
  labels: readonly (readonly [Field, string])[],
): ErrorSummaryItem[] {
  return labels.flatMap(([field, label]) => {
    const message = fieldErrors?.[field];
    return message ? [{ id: field, label, message }] : [];
  });
}
