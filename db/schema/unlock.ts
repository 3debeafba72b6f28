import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ownerUserId, createdAt } from "./columns";

/**
 * Self-service unlock links, emailed to the owner when an account reaches the lock that
 * sign-in alone cannot lift. Only the SHA-256 of the token is stored; like a starting guide it
 * needs the identity check too, and wrong identities void it.
 */
export const unlockLinks = pgTable(
  "unlock_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerUserId(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    failedVerifications: integer("failed_verifications").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("unlock_links_user_idx").on(t.userId, t.createdAt)],
);
