import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownerUserId, createdAt, singleUseLinkLife } from "./columns";

// activation: a new account; reset: an operator voided the pattern; change: the user changes it.
export const tokenPurpose = pgEnum("token_purpose", ["activation", "reset", "change"]);

/** Starting-guide links. Only the SHA-256 of the token is stored. */
export const onboardingTokens = pgTable(
  "onboarding_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerUserId(),
    tokenHash: text("token_hash").notNull().unique(),
    purpose: tokenPurpose("purpose").notNull().default("activation"),
    ...singleUseLinkLife(),
  },
  (t) => [index("onboarding_tokens_user_idx").on(t.userId, t.createdAt)],
);

/**
 * The short server-side session between identity verification and confirmation. The browser
 * holds a random id in an httpOnly cookie; only its hash is stored here.
 */
export const onboardingSessions = pgTable(
  "onboarding_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    tokenId: uuid("token_id")
      .notNull()
      .references(() => onboardingTokens.id, { onDelete: "cascade" }),
    userId: ownerUserId(),
    sealedDraft: text("sealed_draft"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  // One live session per link: a second verification of the same link is refused while it lasts.
  (t) => [uniqueIndex("onboarding_sessions_token_key").on(t.tokenId)],
);
