"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/auth";
import { formAction, formField, postAction } from "@/app/components/form-action";
import type { FormState } from "@/app/components/form-state";
import { requestContext } from "@/lib/http/request-context";
import { revokeConnectedApplication } from "@/lib/oidc/grants";
import { requireRecentSignIn } from "@/lib/reauth";
import {
  disableTotp,
  generateRecoveryCodes,
  mayRemoveMethod,
  passkeyRegistrationOptions,
  removePasskey,
  secondFactorStatus,
  verifyPasskeyRegistration,
} from "@/lib/second-factor";
import { parseWebauthnResponse } from "@/lib/second-factor/webauthn";
import { endAllSessions, endSession, requirePortalUser, requireSignedIn, signOutSession } from "@/lib/sessions";

/**
 * "End session" on one of the user's other devices: that browser is signed out at its next
 * request. Only the user's own live sessions can be ended; any other id changes nothing.
 */
export const endOwnSessionAction = postAction({
  fields: ["sessionId"],
  guard: () => requirePortalUser("/dashboard"),
  schema: z.object({ sessionId: z.uuid() }),
  run: async ({ sessionId }, user) => endSession(user.id, sessionId, user.id, await requestContext()),
  refused: () => redirect("/dashboard?session=not-found#sessions"),
  messages: (result) => redirect(`/dashboard?session=${result.ok ? "ended" : "not-found"}#sessions`),
});

/** Both ways out end this session's row too, not only the cookie (the terms page's "decline" is the first). */
const signOutWith = (end: typeof signOutSession) =>
  postAction({
    fields: [],
    guard: () => requireSignedIn(),
    schema: z.object({}),
    run: async (_, user) => end(user, await requestContext()),
    messages: () => signOut({ redirectTo: "/login?error=signed-out" }),
  });

export const signOutAction = signOutWith(signOutSession);

/** Ends this session and every other one the user has, on any device. */
export const signOutEverywhereAction = signOutWith((user, context) => endAllSessions(user.id, context));

const METHODS = "/dashboard#sign-in-methods";

/**
 * "Turn off the authenticator app" (a recent sign-in first). Refused while it is the only second
 * factor of a user who must have one: the setup gate would only send them straight back.
 */
export const turnOffAuthenticatorAppAction = postAction({
  fields: [],
  guard: () => requireRecentSignIn("methods", METHODS),
  schema: z.object({}),
  run: async (_, user) => {
    const status = await secondFactorStatus(user.id);
    if (!status || !mayRemoveMethod(status)) return false;
    return disableTotp(user.id, await requestContext());
  },
  messages: (turnedOff) => redirect(turnedOff ? "/dashboard?methods=app-off#sign-in-methods" : METHODS),
});

export type RecoveryCodesState = FormState<never> & { codes?: string[] };

/** "Regenerate recovery codes": ten new ones in the form's state, shown once; the old ones stop working. */
export const regenerateRecoveryCodesAction = formAction({
  fields: [],
  guard: () => requireRecentSignIn("methods", METHODS),
  schema: z.object({}),
  run: async (_, user) => generateRecoveryCodes(user.id, await requestContext()),
  messages: (result): RecoveryCodesState => (result.ok ? { codes: result.codes } : {}),
});

/** The options for navigator.credentials.create() (adding a passkey needs a recent sign-in). */
export const passkeyRegistrationOptionsAction = formAction({
  fields: [],
  guard: () => requireRecentSignIn("methods", METHODS),
  schema: z.object({}),
  run: async (_, user) => passkeyRegistrationOptions(user.id),
  messages: (options) => ({ options }),
});

export type SavePasskeyState = { saved?: true; error?: "name-invalid" | "not-saved"; recoveryCodes?: string[] };

/** "Save passkey": the browser's answer to those options and the name chosen for it. */
export const savePasskeyAction = formAction({
  fields: ["name", "response"],
  guard: () => requireRecentSignIn("methods", METHODS),
  schema: z.object({ name: formField, response: formField.transform(parseWebauthnResponse) }),
  run: async ({ name, response }, user) => verifyPasskeyRegistration(user.id, response, name, await requestContext()),
  messages: (result): SavePasskeyState => {
    if (result.ok) return { saved: true, recoveryCodes: result.recoveryCodes ?? undefined };
    return { error: result.error === "name-invalid" ? "name-invalid" : "not-saved" };
  },
});

/** "Remove" beside a passkey: only the user's own, after a recent sign-in. */
export const removePasskeyAction = postAction({
  fields: ["passkeyId"],
  guard: () => requireRecentSignIn("methods", METHODS),
  schema: z.object({ passkeyId: z.uuid() }),
  run: async ({ passkeyId }, user) => {
    const status = await secondFactorStatus(user.id);
    if (!status || !mayRemoveMethod(status)) return false;
    return removePasskey(user.id, passkeyId, await requestContext());
  },
  refused: () => redirect(METHODS),
  messages: (removed) => redirect(removed ? "/dashboard?methods=passkey-removed#sign-in-methods" : METHODS),
});

/**
 * "Revoke" beside a connected application: ends what the user allowed it (grants, codes and
 * tokens), so it asks for consent again next time. Only the user's own grants are touched; any
 * other id changes nothing and reads as not found.
 */
export const revokeConnectedAppAction = postAction({
  fields: ["clientId"],
  guard: () => requirePortalUser("/dashboard"),
  schema: z.object({ clientId: z.string().min(1).max(128) }),
  run: async ({ clientId }, user) => revokeConnectedApplication(user.id, clientId, await requestContext()),
  refused: () => redirect("/dashboard?apps=not-found#connected-apps"),
  messages: (revoked) => redirect(`/dashboard?apps=${revoked ? "revoked" : "not-found"}#connected-apps`),
});
