"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { asForm } from "@/app/components/form-state";
import { requestContext } from "@/lib/http/request-context";
import { endSession, requirePortalUser } from "@/lib/sessions";

const endSessionForm = z.object({ sessionId: z.uuid() });

/**
 * "End session" on one of the user's other devices: that browser is signed out at its next
 * request. Only the user's own live sessions can be ended; any other id changes nothing.
 */
export async function endOwnSessionAction(formInput: unknown): Promise<void> {
  const form = asForm(formInput);
  const user = await requirePortalUser("/dashboard");
  const parsed = endSessionForm.safeParse({ sessionId: form.get("sessionId") });
  const result = parsed.success ? await endSession(user.id, parsed.data.sessionId, user.id, await requestContext()) : { ok: false };
  redirect(`/dashboard?session=${result.ok ? "ended" : "not-found"}#sessions`);
}
