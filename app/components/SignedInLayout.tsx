import type { ReactNode } from "react";
import { currentUser, IDLE_MINUTES } from "@/lib/sessions";
import { SessionTimeoutWarning } from "./SessionTimeoutWarning";

/** The idle-timeout warning, for signed-in users on the pages that need a session. */
export async function SessionTimeout() {
  return (await currentUser()) ? <SessionTimeoutWarning idleSeconds={IDLE_MINUTES * 60} /> : null;
}

/**
 * The layout of the signed-in areas (/dashboard, /account, /terms; /admin has its own and adds
 * the warning too). Kept out of the root layout so that the warning's script is not sent to
 * visitors of the public and sign-in pages.
 */
export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <SessionTimeout />
    </>
  );
}
