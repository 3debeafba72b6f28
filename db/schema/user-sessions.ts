import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ownerUserId } from "./columns";

/**
 * One row per signed-in session (browser). The session's JWT carries a random key; only its
 * SHA-256 is stored, and the public `id` names the row in "End session" forms. A session lives
 * while its row is not revoked and its session_version still equals the user's.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    keyHash: text("key_hash").notNull().unique(),
    userId: ownerUserId(),
    sessionVersion: integer("session_version").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    // Moved at most about once a minute, so a busy session does not write on every request.
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    // The last challenge answered in this session (sign-in or re-authentication): the 15-minute rule.
    authenticatedAt: timestamp("authenticated_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("user_sessions_user_idx").on(t.userId, t.lastSeenAt),
    index("user_sessions_last_seen_idx").on(t.lastSeenAt),
  ],
);
