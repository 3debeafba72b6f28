import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits as base64url (43 characters), for links such as the starting guide. */
export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/**
 * Whether a value from a link, cookie or form could be a generateToken() value. Checking the
 * shape first turns garbage away before it is hashed and looked up.
 */
export function isToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_FORMAT.test(value);
}

/** What the database stores instead of the token: SHA-256, lowercase hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
