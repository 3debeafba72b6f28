import { integer, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Columns many tables share. Each call makes a fresh column builder. */

/** The user a row belongs to; it goes when the user goes. */
export const ownerUserId = () =>
  uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

/** When the row was written. */
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * The life of an emailed single-use link (a starting guide, an unlock link): until when it
 * works, when it was used or voided, how many wrong identities it has seen, when it was made.
 */
export const singleUseLinkLife = () => ({
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  consumedAt: timestamp("consumed_at", { withTimezone: true }),
  voidedAt: timestamp("voided_at", { withTimezone: true }),
  failedVerifications: integer("failed_verifications").notNull().default(0),
  createdAt: createdAt(),
});
