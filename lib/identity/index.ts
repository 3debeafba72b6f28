import type { Role } from "@/db/schema";
import { z } from "zod";

/**
 * Identity fields as customers type them: NFKC folds full-width letters and digits from a
 * Japanese keyboard, spaces are trimmed and collapsed. Control characters become spaces and
 * invisible format characters (bidi overrides, zero-width) go: no name needs them, PostgreSQL
 * refuses NUL, and an override could disguise a name in the operator's lists.
 * Error messages are catalogue keys.
 */
export function normalizeText(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim();
}

const text = (max: number) =>
  z
    .string({ error: "required" })
    .max(max * 4, { error: "tooLong" })
    .transform(normalizeText)
    .pipe(z.string().min(1, { error: "required" }).max(max, { error: "tooLong" }));

export const emailField = text(254).pipe(z.email({ error: "emailInvalid" }));
export const nameField = text(100);
export const companyField = text(200);

export const phoneField = z
  .string({ error: "required" })
  .max(64, { error: "tooLong" })
  .transform((value) => value.normalize("NFKC").trim())
  .pipe(
    z
      .string()
      .min(1, { error: "required" })
      // Hyphens and spaces are refused rather than stripped: the registered number has none.
      .refine((value) => !/[\s\-‐‑–—−ーｰ]/.test(value), { error: "phoneNoHyphens" })
      .refine((value) => /^\d{10,15}$/.test(value), { error: "phoneDigits" }),
  );

export const identitySchema = z.object({ email: emailField, name: nameField, phone: phoneField });
export type Identity = z.infer<typeof identitySchema>;

export const registrationSchema = identitySchema.extend({
  company: companyField.optional(),
  // Written out: this schema runs in the browser too, where db/schema's enum must not be bundled.
  role: z.enum(["customer", "operator"] as const satisfies readonly Role[]).default("customer"),
  locale: z.enum(["en", "ja"]).default("en"),
});
export type Registration = z.input<typeof registrationSchema>;

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The first error of each field, as catalogue keys. */
export function fieldErrorsOf<K extends string>(error: z.ZodError): FieldErrors<K> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors as FieldErrors<K>;
}

/**
 * A name as compared, not as stored: the customer cannot know whether the operator typed
 * 「山田 太郎」, 「山田　太郎」 or 「山田太郎」 (or "Taro Yamada" in other capitals), so spaces of
 * every width and letter case do not count.
 */
function nameKey(name: string): string {
  return normalizeText(name).replace(/\s/gu, "").toLowerCase();
}

export function sameIdentity(registered: Identity, given: Identity): boolean {
  return (
    registered.email.toLowerCase() === given.email.toLowerCase() &&
    nameKey(registered.name) === nameKey(given.name) &&
    registered.phone === given.phone
  );
}
