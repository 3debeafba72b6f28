import { timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Columns many tables share. Each call makes a fresh column builder. */

/** The user a row belongs to; it goes when the user goes. */
export const ownerUserId = () =>
  uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

/** When the row was written. */
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
