"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formField, postAction } from "@/app/components/form-action";
import { setOnboardingCookie, startPatternChange } from "@/lib/onboarding";
import { requestContext } from "@/lib/http/request-context";
import { answer, reauthPage, requireRecentSignIn } from "@/lib/reauth";
import { requirePortalUser, type SessionUser } from "@/lib/sessions";

const PAGE = "/account/password";

/** The new pattern is set on the onboarding screens, in a session opened for this user. */
async function changePattern(user: SessionUser): Promise<void> {
  await setOnboardingCookie(await startPatternChange(user.id, await requestContext()));
}

/** Changing the matrix password starts with a fresh challenge on the current one (see lib/reauth's account scope). */
export const startPatternChangeAction = postAction({
  fields: [],
  guard: () => requireRecentSignIn("account", PAGE),
  schema: z.object({}),
  run: async (_, user) => changePattern(user),
  messages: () => redirect("/start/pattern"),
});

export const answerReauthenticationAction = postAction({
  fields: ["answer"],
  guard: () => requirePortalUser(PAGE),
  schema: z.object({ answer: formField }),
  run: async (input, user) => {
    const confirmed = await answer(user, "account", input.answer);
    if (confirmed) await changePattern(user);
    return confirmed;
  },
  messages: (confirmed) => redirect(confirmed ? "/start/pattern" : reauthPage("account", PAGE, true)),
});
