import { transaction } from "@/db/client";
import { DuplicateEmailError, insertUser } from "@/db/queries/users";
import { recordAudit } from "@/lib/audit";
import { fieldErrorsOf, registrationSchema, type FieldErrors, type Registration } from "@/lib/identity";
import { scheduleMailDispatch } from "@/lib/mail";
import type { RequestContext } from "@/lib/http/request-context";
import { issueStartingGuide } from "./guide";

export type RegistrationField = "email" | "name" | "phone" | "company" | "role" | "locale";

export type RegistrationResult =
  { ok: true; userId: string; link: string } | { ok: false; fieldErrors: FieldErrors<RegistrationField> };

/**
 * Registers an invited user and queues their starting guide in one transaction. Used by the
 * command line and the admin page. The returned link is for the development transport only.
 */
export async function registerUser(
  input: Registration,
  context: RequestContext,
  actorId: string | null = null,
): Promise<RegistrationResult> {
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf<RegistrationField>(parsed.error) };
  const { company, ...fields } = parsed.data;
  try {
    const result = await transaction(async (tx) => {
      const user = await insertUser(tx, {
        ...fields,
        company: company ?? null,
        createdAt: context.now,
        updatedAt: context.now,
      });
      await recordAudit(
        { event: "user.registered", actorId, subjectId: user.id, outcome: "success", details: { role: user.role } },
        context,
        tx,
      );
      const link = await issueStartingGuide(tx, user, "activation", context, { actorId });
      return { userId: user.id, link };
    });
    await scheduleMailDispatch();
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof DuplicateEmailError) return { ok: false, fieldErrors: { email: "emailTaken" } };
    throw error;
  }
}
