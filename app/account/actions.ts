"use server";

import { asForm } from "@/app/components/form-state";
import { redirect } from "next/navigation";
import { setOnboardingCookie, startPatternChange } from "@/lib/onboarding";
import { requestContext } from "@/lib/http/request-context";
import { answer, reauthPage, requireRecentSignIn } from "@/lib/reauth";
import { requirePortalUser, type SessionUser } from "@/lib/sessions";

const PAGE = "/account/password";

/** The new pattern is set on the onboarding screens, in a session opened for this user. */
async function changePattern(user: SessionUser): Promise<never> {
  await setOnboardingCookie(await startPatternChange(user.id, await requestContext()));
  redirect("/start/pattern");
}

/** Changing the matrix password starts with a fresh challenge on the current one (see lib/reauth's account scope). */
export async function startPatternChangeAction(): Promise<void> {
  await changePattern(await requireRecentSignIn("account", PAGE));
}

export async function answerReauthenticationAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const user = await requirePortalUser(PAGE);
  if (!(await answer(user, "account", form.get("answer")))) redirect(reauthPage("account", PAGE, true));
  await changePattern(user);
}
