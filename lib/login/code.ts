import { configuredKeyring, openPattern } from "@/lib/crypto";
import { answersMatch, expectedAnswer, normalizeAnswer } from "@/lib/matrix";

/** Longer input is not a code; it is refused before any normalisation work. */
const MAX_ANSWER_INPUT = 256;

/** The typed one-time password, normalised (full-width digits, spaces), or null when it is not one. */
export function typedCode(answer: unknown): string | null {
  if (typeof answer !== "string" || answer.length > MAX_ANSWER_INPUT) return null;
  return normalizeAnswer(answer);
}

/** Whether the typed code is the digits at the sealed pattern's cells, in order. Throws SealError for a pattern no key opens. */
export function matches(sealed: string, userId: string, digits: string, typed: string): boolean {
  return answersMatch(expectedAnswer(digits, openPattern(sealed, userId, configuredKeyring().all)), typed);
}
