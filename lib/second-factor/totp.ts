import { generateHOTP, verifyHOTP } from "@oslojs/otp";
import QRCode from "qrcode";
import { decodeBase32IgnorePadding, encodeBase32NoPadding } from "@oslojs/encoding";
import { normalizeAnswer } from "@/lib/matrix";

/**
 * Time-based one-time passwords as RFC 6238 defines them and authenticator apps expect by
 * default: HMAC-SHA-1, 6 digits, 30-second steps. Pure: the time and the randomness come in.
 */
export const TOTP = Object.freeze({ algorithm: "SHA1", digits: 6, periodSeconds: 30 });

/** Steps either side of now still accepted: a phone's clock a little off, a code typed as it turned. */
export const TOTP_DRIFT_STEPS = 1;

/** 160 bits, the HMAC-SHA-1 key length RFC 4226 recommends (32 base32 characters). */
export const TOTP_SECRET_BYTES = 20;

export function generateTotpSecret(randomBytes: (size: number) => Uint8Array): Uint8Array {
  return new Uint8Array(randomBytes(TOTP_SECRET_BYTES));
}

/** The key as people type it into an app that cannot scan: base32, no padding. */
export function totpSecretText(secret: Uint8Array): string {
  return encodeBase32NoPadding(secret);
}

export function totpSecretFromText(text: string): Uint8Array {
  return decodeBase32IgnorePadding(text);
}

/** The 30-second step that `now` falls in (the HOTP counter). */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / (TOTP.periodSeconds * 1000));
}

/** The code an app shows at `now` (the development mailbox shows the demo accounts' codes). */
export function totpCodeAt(secret: Uint8Array, now: Date): string {
  return generateHOTP(secret, BigInt(totpStep(now)), TOTP.digits);
}

/**
 * The key URI authenticator apps scan (Google's Key Uri Format, which they all read). Built by
 * hand rather than with URLSearchParams, which writes a space as "+" that some apps show as is.
 */
export function otpauthUri(issuer: string, account: string, secret: Uint8Array): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = [
    `secret=${totpSecretText(secret)}`,
    `issuer=${encodeURIComponent(issuer)}`,
    `algorithm=${TOTP.algorithm}`,
    `digits=${TOTP.digits}`,
    `period=${TOTP.periodSeconds}`,
  ].join("&");
  return `otpauth://totp/${label}?${query}`;
}

/** Longer input is not a code; it is refused before any normalisation work. */
const MAX_CODE_INPUT = 64;

/**
 * The six digits someone typed, or null: full-width digits and spaces (a Japanese keyboard,
 * "123 456" as some apps show it) are accepted, as the matrix answer accepts them.
 */
export function normalizeTotpCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > MAX_CODE_INPUT) return null;
  const digits = normalizeAnswer(input);
  return digits !== null && digits.length === TOTP.digits ? digits : null;
}

/**
 * The step a code is valid for, within TOTP_DRIFT_STEPS of `now`, or null. Every candidate step
 * is checked (in constant time each), so the answer's timing does not say which one matched.
 */
export function matchingTotpStep(secret: Uint8Array, code: string, now: Date): number | null {
  const current = totpStep(now);
  let matched: number | null = null;
  for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
    if (verifyHOTP(secret, BigInt(step), TOTP.digits, code)) matched = step;
  }
  return matched;
}

/**
 * Draws a value (the otpauth:// URI) as a QR code in an SVG data URL, on the server: the page
 * shows it as an <img> (the CSP allows data: images) and needs no script. Medium error
 * correction and the standard quiet zone, which phone cameras read at a glance.
 */
export async function qrCodeDataUrl(value: string): Promise<string> {
  const svg = await QRCode.toString(value, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
