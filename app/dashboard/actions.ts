"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/auth";
import { postAction } from "@/app/components/form-action";
import { requestContext } from "@/lib/http/request-context";
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
