import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ownerUserId, singleUseLinkLife } from "./columns";

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
    ...singleUseLinkLife(),
  },
  (t) => [index("unlock_links_user_idx").on(t.userId, t.createdAt)],
);
