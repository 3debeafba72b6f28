import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Fixed-window counters keyed by a hash of (limit name, subject); updated atomically. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull().default(0),
});
