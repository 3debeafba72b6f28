import { bigserial, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { ownerUserId, createdAt } from "./columns";

/** The current matrix password, sealed with AES-256-GCM (the server must know the positions). */
export const matrixCredentials = pgTable("matrix_credentials", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  sealedPattern: text("sealed_pattern").notNull(),
  keyId: text("key_id").notNull(),
  length: integer("length").notNull(),
  createdAt: createdAt(),
});

/** Earlier patterns, kept only as bcrypt hashes to refuse reuse. */
export const patternHistory = pgTable(
  "pattern_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: ownerUserId(),
    patternHash: text("pattern_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("pattern_history_user_idx").on(t.userId, t.createdAt)],
);
