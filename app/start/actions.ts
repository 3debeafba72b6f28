"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, formField, postAction } from "@/app/components/form-action";
import type { FormState } from "@/app/components/form-state";
import { identityAction } from "@/app/components/identity-action";
import { emailField } from "@/lib/identity";
import {
  clearOnboardingCookie,
  confirmPattern,
  readOnboardingCookie,
  requestStartingGuide,
  saveDraft,
  setOnboardingCookie,
  verifyIdentity,
} from "@/lib/onboarding";
import { requestContext } from "@/lib/http/request-context";
import { answerPractice, beginPractice, forgetPractice, pendingPractice, rememberPractice } from "@/lib/login";
import { now } from "@/lib/platform/clock";

/** The starting guide's identity form: a match opens the onboarding session that sets the pattern. */
export const verifyIdentityAction = identityAction({
  run: async (token, identity) => verifyIdentity(token, identity, await requestContext()),
  done: async ({ sessionId }) => {
    await setOnboardingCookie(sessionId);
    redirect("/start/pattern");
  },
  messages: (t, refusal) =>
    ({
      mismatch: () => t("Onboarding.mismatch", { remaining: refusal.remaining }),
      "link-invalid": () => t("Onboarding.invalidBody"),
      "link-voided": () => t("Onboarding.linkVoided"),
      "link-in-use": () => t("Onboarding.linkInUse"),
      "rate-limited": () => t("Onboarding.rateLimited"),
    })[refusal.error](),
});

export type PatternFormState = { message?: string };

/** The onboarding session behind the cookie; without one, each step says the session has ended. */
const onboarding = async () => (await readOnboardingCookie()) ?? "";
const EXPIRED = { ok: false, error: "session-expired" } as const;

/** The clicked cells, in order, as the pad posts them ("3,14,15"); anything odd is refused by the policy. */
const patternForm = z.object({
  pattern: formField.transform((raw) => (raw.length <= 200 && raw !== "" ? raw.split(",").map(Number) : [])),
});

export const registerPatternAction = formAction({
  fields: ["pattern"],
  guard: onboarding,
  schema: patternForm,
  run: async ({ pattern }, sessionId) => (sessionId ? saveDraft(sessionId, pattern, now()) : EXPIRED),
  messages: (result, { t }): PatternFormState => {
    if (result.ok) redirect("/start/confirm");
    if (!("reason" in result)) return { message: t("Onboarding.sessionExpiredBody") };
    const { code, ...params } = result.reason;
    return { message: t(`PatternErrors.${code}`, params as Record<string, number>) };
  },
});

export const confirmPatternAction = formAction({
  fields: [],
  guard: onboarding,
  schema: z.object({}),
  run: async (_, sessionId) => {
    if (!sessionId) return EXPIRED;
    const context = await requestContext();
    const result = await confirmPattern(sessionId, context);
    // The next page offers a practice grid on the new pattern, to this browser only.
    if (result.ok) await rememberPractice(await beginPractice(result.userId, context));
    return result;
  },
  messages: async (result, { t }): Promise<PatternFormState> => {
    if ("error" in result && result.error === "no-draft") redirect("/start/pattern");
    if (!result.ok) return { message: t("Onboarding.confirmFailed") };
    await clearOnboardingCookie();
    redirect("/start/done");
  },
});

export const backToPatternAction = postAction({
  fields: [],
  guard: async () => null,
  schema: z.object({}),
  run: async () => null,
  messages: () => redirect("/start/pattern"),
});

export const resendGuideAction = formAction({
  fields: ["email"],
  guard: async () => null,
  schema: z.object({ email: formField.pipe(emailField) }),
  run: async ({ email }) => requestStartingGuide(email, await requestContext()),
  refused: ({ fieldErrors }, { values, fieldMessages }): FormState<"email"> => ({
    fieldErrors: fieldMessages(fieldErrors),
    values,
  }),
  messages: (_, { t }): FormState<"email"> => ({ message: t("Resend.sent"), tone: "success" }),
});

/**
 * Answers the practice grid on /start/done: it signs nobody in and counts nothing against the
 * account. A wrong answer shows a new grid; once right (or expired) the grid goes.
 */
export const answerPracticeAction = postAction({
  fields: ["answer"],
  guard: async () => (await pendingPractice()) ?? redirect("/start/done"),
  schema: z.object({ answer: formField }),
  run: async ({ answer }, challengeId) => {
    const result = await answerPractice(challengeId, answer, await requestContext());
    if (result.outcome === "wrong") await rememberPractice(result.next);
    else await forgetPractice();
    return result.outcome;
  },
  messages: (outcome) => redirect(`/start/done?practice=${outcome}`),
});
