import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["customer", "operator"]);
export const userStatus = pgEnum("user_status", ["invited", "active", "disabled"]);
/**
 * An operator's per-user word on the second factor: follow SECOND_FACTOR_POLICY ("inherit"), or
 * require it ("required") or not ("not_required") for this user whatever the policy says.
 */
export const secondFactorRequirement = pgEnum("second_factor_requirement", ["inherit", "required", "not_required"]);

export type Role = (typeof userRole.enumValues)[number];
export type UserStatus = (typeof userStatus.enumValues)[number];
export type SecondFactorRequirement = (typeof secondFactorRequirement.enumValues)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    phone: text("phone").notNull(),
    company: text("company"),
    role: userRole("role").notNull().default("customer"),
    status: userStatus("status").notNull().default("invited"),
    locale: text("locale").notNull().default("en"),
    timeZone: text("time_zone").notNull().default("Asia/Tokyo"),
    // Lockout: consecutive failures drive the timed locks; failures_since_unlock (cleared by a
    // sign-in or an unlock) reaching the cap stops sign-in until an unlock (emailed link, operator, CLI).
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    failuresSinceUnlock: integer("failures_since_unlock").notNull().default(0),
    lockCount: integer("lock_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    failedSinceLastSignIn: integer("failed_since_last_sign_in").notNull().default(0),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    lastSignInIp: text("last_sign_in_ip"),
    // Bumped to revoke every JWT session of the user at once (disable, reset, sign out everywhere).
    sessionVersion: integer("session_version").notNull().default(1),
    acceptedTermsVersion: integer("accepted_terms_version"),
    secondFactorRequirement: secondFactorRequirement("second_factor_requirement").notNull().default("inherit"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_name_lower_idx").on(sql`lower(${t.name}) text_pattern_ops`),
    index("users_company_lower_idx").on(sql`lower(${t.company}) text_pattern_ops`),
    index("users_email_pattern_idx").on(sql`lower(${t.email}) text_pattern_ops`),
    index("users_phone_pattern_idx").on(sql`${t.phone} text_pattern_ops`),
    index("users_status_created_idx").on(t.status, t.createdAt, t.id),
    // Keyset pages of the admin directory, without a status filter: newest first, or by name.
    index("users_created_idx").on(t.createdAt, t.id),
    index("users_name_sort_idx").on(sql`lower(${t.name})`, t.id),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
