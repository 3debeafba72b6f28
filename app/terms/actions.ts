"use server";

import { asForm } from "@/app/components/form-state";
import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { requestContext } from "@/lib/http/request-context";
import { endAllSessions, requireSignedIn, safeReturnPath, signOutSession } from "@/lib/sessions";
import { acceptTerms } from "@/lib/terms";

export type TermsFormState = { error?: "mustTick" | "outdated" };

export async function acceptTermsAction(_: TermsFormState, formInput: unknown): Promise<TermsFormState> {
  const form = asForm(formInput);
  const user = await requireSignedIn();
  if (form.get("accept") !== "yes") return { error: "mustTick" };
  const version = Number(form.get("version"));
  if (!Number.isSafeInteger(version) || !(await acceptTerms(user.id, version, await requestContext()))) return { error: "outdated" };
  redirect(safeReturnPath(form.get("next")) ?? "/dashboard");
}

/** Declining the terms (or signing out anywhere) ends the session: its row too, not only the cookie. */
export async function signOutAction(): Promise<void> {
  const user = await requireSignedIn();
  await signOutSession(user, await requestContext());
  await signOut({ redirectTo: "/login?error=signed-out" });
}

/** Ends this session and every other one the user has, on any device. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireSignedIn();
  await endAllSessions(user.id, await requestContext());
  await signOut({ redirectTo: "/login?error=signed-out" });
}
