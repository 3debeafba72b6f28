import Link from "next/link";
import type { ReactNode } from "react";
import { PageShell } from "./PageShell";
import { StatusPanel } from "./StatusPanel";
import { buttonClass } from "./styles";

/**
 * The end of a journey that leaves the customer ready to sign in (onboarding done, account
 * unlocked); `children` follow the panel.
 */
export function SignInNextPage({
  title,
  body,
  action,
  children,
}: {
  title: string;
  body: string;
  action: string;
  children?: ReactNode;
}) {
  return (
    <PageShell title={title} width="narrow">
      <StatusPanel tone="success">
        <p className="text-base text-ink sm:text-lg">{body}</p>
        <Link href="/login" className={`${buttonClass("primary")} text-center`}>
          {action}
        </Link>
      </StatusPanel>
      {children}
    </PageShell>
  );
}
