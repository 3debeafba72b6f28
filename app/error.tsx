"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, containerClass } from "./components/styles";

/**
 * Route error boundary. Shows a generic message only: the error's message and digest are
 * never rendered (they may carry internal details); the server log has them.
 */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("Error");
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Move focus to the message so keyboard and screen-reader users know what happened.
    headingRef.current?.focus();
  }, []);

  return (
    <div className={`${containerClass} py-16 sm:py-24`}>
      <div className="mx-auto max-w-xl text-center">
        <h1
          ref={headingRef}
          tabIndex={-1}
          className="text-3xl font-bold tracking-tight text-ink outline-none sm:text-4xl"
        >
          {t("title")}
        </h1>
        <p className="mt-4 text-lg text-muted">{t("body")}</p>
      </div>
      <div className="mt-8 flex flex-col items-center gap-4 sm:flex-row sm:justify-center">
        <button type="button" onClick={() => retry()} className={buttonClass("primary")}>
          {t("retry")}
        </button>
        <Link href="/" className={buttonClass("secondary")}>
          {t("backHome")}
        </Link>
      </div>
    </div>
  );
}
