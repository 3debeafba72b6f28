import { bigserial, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { ownerUserId } from "./columns";

export const termsVersions = pgTable("terms_versions", {
  version: integer("version").primaryKey(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
});

/** The text of one terms version in one language. */
export const termsTexts = pgTable(
  "terms_texts",
  {
    version: integer("version")
      .notNull()
      .references(() => termsVersions.version, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.locale] })],
);

export const termsAcceptances = pgTable(
  "terms_acceptances",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: ownerUserId(),
    version: integer("version")
      .notNull()
      .references(() => termsVersions.version),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
  },
  (t) => [uniqueIndex("terms_acceptances_user_version_key").on(t.userId, t.version)],
);
