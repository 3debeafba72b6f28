"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "./styles";

/**
 * Warns a signed-in user two minutes before their session would end for inactivity, and lets
 * them extend it (WCAG 2.2.1 Timing Adjustable). Extending asks the server for the session,
 * which slides its idle limit.
 */
export function SessionTimeoutWarning({
  idleSeconds,
  warnSeconds = 120,
}: {
  idleSeconds: number;
  warnSeconds?: number;
}) {
  const t = useTranslations("Session");
  const [deadline, setDeadline] = useState<number | null>(null);
  const [state, setState] = useState<"quiet" | "warning" | "ended">("quiet");
  const stayButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const end = deadline ?? Date.now() + idleSeconds * 1000;
    const warn = setTimeout(() => setState("warning"), Math.max(0, end - warnSeconds * 1000 - Date.now()));
    const ended = setTimeout(() => setState("ended"), Math.max(0, end - Date.now()));
    return () => {
      clearTimeout(warn);
      clearTimeout(ended);
    };
  }, [deadline, idleSeconds, warnSeconds]);

  useEffect(() => {
    if (state === "warning") stayButton.current?.focus();
  }, [state]);

  async function staySignedIn() {
    const response = await fetch("/api/auth/session", { cache: "no-store" });
    const session = response.ok ? ((await response.json()) as { user?: unknown } | null) : null;
    if (!session?.user) return setState("ended");
    setState("quiet");
    setDeadline(Date.now() + idleSeconds * 1000);
  }

  if (state === "quiet") return null;
  return (
    <div
      role="alertdialog"
      aria-labelledby="session-timeout-title"
      aria-describedby="session-timeout-body"
      className="fixed inset-x-3 bottom-3 z-50 mx-auto max-w-lg rounded-xl border border-line-strong bg-surface p-5 shadow-xl"
    >
      <h2 id="session-timeout-title" className="text-lg font-semibold text-ink">
        {state === "warning" ? t("warningTitle") : t("endedTitle")}
      </h2>
      <p id="session-timeout-body" className="mt-2 text-ink">
        {state === "warning" ? t("warningBody", { minutes: Math.round(warnSeconds / 60) }) : t("endedBody")}
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        {state === "warning" ? (
          <button ref={stayButton} type="button" onClick={staySignedIn} className={buttonClass("primary")}>
            {t("stay")}
          </button>
        ) : (
          <Link href="/login" className={buttonClass("primary")}>
            {t("signInAgain")}
          </Link>
        )}
      </div>
    </div>
  );
}
