import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { createdAt } from "./columns";

// "practice": the grid on the page after a new matrix password, which signs nobody in.
export const challengePurpose = pgEnum("challenge_purpose", ["sign_in", "reauthenticate", "practice"]);
export type ChallengePurpose = (typeof challengePurpose.enumValues)[number];

/**
 * A sign-in challenge: the random digits shown on the grid. The browser holds a random id in
 * an httpOnly cookie; only its hash is stored. user_id is null for decoy challenges.
 */
export const loginChallenges = pgTable(
  "login_challenges",
  {
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    purpose: challengePurpose("purpose").notNull().default("sign_in"),
    digits: text("digits").notNull(),
    ip: text("ip"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [index("login_challenges_expires_idx").on(t.expiresAt), index("login_challenges_user_idx").on(t.userId)],
);
