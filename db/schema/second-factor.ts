import { bigint, bigserial, boolean, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { createdAt, ownerUserId } from "./columns";

/** Whether a passkey lives on one device or syncs between them (WebAuthn's credentialDeviceType). */
export const passkeyDeviceType = pgEnum("passkey_device_type", ["single_device", "multi_device"]);
export type PasskeyDeviceType = (typeof passkeyDeviceType.enumValues)[number];

/** What a WebAuthn challenge was issued for: adding a passkey, or signing in with one. */
export const webauthnPurpose = pgEnum("webauthn_purpose", ["registration", "authentication"]);
export type WebauthnPurpose = (typeof webauthnPurpose.enumValues)[number];

/**
 * A user's passkeys. Only what verifying an assertion needs: the credential's id and public key
 * (never a private key: the authenticator keeps it), the signature counter and backup flags
 * WebAuthn asks relying parties to keep, and the name the user gave it.
 */
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerUserId(),
    /** The credential id, base64url, as browsers send it back. */
    credentialId: text("credential_id").notNull().unique(),
    /** The COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    // The signature counter is a 32-bit unsigned number: more than a signed integer holds.
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: text("transports").array().notNull().default([]),
    deviceType: passkeyDeviceType("device_type").notNull(),
    backedUp: boolean("backed_up").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("passkeys_user_idx").on(t.userId, t.createdAt)],
);

/**
 * The user's authenticator app (TOTP). The shared secret is sealed like the matrix pattern, bound
 * to the user; until a first valid code confirms it (confirmed_at) it is only a pending setup.
 * last_accepted_step is the newest 30-second step a code was accepted for: no code for it or an
 * earlier step is accepted again.
 */
export const authenticatorApps = pgTable("authenticator_apps", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  sealedSecret: text("sealed_secret").notNull(),
  keyId: text("key_id").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  lastAcceptedStep: bigint("last_accepted_step", { mode: "number" }),
  createdAt: createdAt(),
});

/**
 * Single-use recovery codes, stored as keyed hashes (HMAC-SHA-256 under a key derived from the
 * sealing key named by key_id): a copy of the database alone cannot be searched for the codes.
 * All codes of one generation share batch_id; generating new ones deletes the older batch.
 */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: ownerUserId(),
    batchId: uuid("batch_id").notNull(),
    codeHash: text("code_hash").notNull(),
    keyId: text("key_id").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId, t.codeHash)],
);

/**
 * WebAuthn challenges, kept server-side: the browser signs the challenge, and the response is
 * accepted only while its challenge is pending for that user and purpose. Only a hash is stored;
 * each is consumed once and lives 5 minutes.
 */
export const webauthnChallenges = pgTable(
  "webauthn_challenges",
  {
    challengeHash: text("challenge_hash").primaryKey(),
    userId: ownerUserId(),
    purpose: webauthnPurpose("purpose").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [index("webauthn_challenges_expires_idx").on(t.expiresAt), index("webauthn_challenges_user_idx").on(t.userId)],
);

/**
 * A sign-in that passed the matrix and waits for its second factor. The browser holds a random
 * token in an httpOnly cookie; only its hash is stored. It lives 5 minutes and is completed once.
 */
export const pendingSignIns = pgTable(
  "pending_sign_ins",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: ownerUserId(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [index("pending_sign_ins_expires_idx").on(t.expiresAt), index("pending_sign_ins_user_idx").on(t.userId)],
);
