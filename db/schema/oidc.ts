import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/**
 * The applications that sign their users in here (OpenID Connect relying parties). A
 * confidential client's secret is stored only as a keyed hash (lib/oidc/client-secret.ts);
 * a disabled client is unknown to the provider until it is enabled again.
 */
export const oidcClients = pgTable("oidc_clients", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  redirectUris: text("redirect_uris").array().notNull(),
  postLogoutRedirectUris: text("post_logout_redirect_uris").array().notNull().default([]),
  /** The scopes it may ask for: openid always, then email, profile, company, offline_access. */
  scopes: text("scopes").array().notNull(),
  confidential: boolean("confidential").notNull(),
  /** The operator's own application: its users are not asked for consent. */
  firstParty: boolean("first_party").notNull().default(false),
  secretHash: text("secret_hash"),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Everything oidc-provider keeps (sessions, interactions, grants, codes, tokens, replay marks):
 * one row per model and id, its payload as the library wrote it. The indexed columns are the
 * ones it looks rows up by (grant, session uid, user code) plus the user, for "Connected
 * applications".
 */
export const oidcModels = pgTable(
  "oidc_models",
  {
    model: text("model").notNull(),
    id: text("id").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    grantId: text("grant_id"),
    userCode: text("user_code"),
    uid: text("uid"),
    accountId: text("account_id"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.id] }),
    index("oidc_models_grant_idx").on(t.grantId),
    index("oidc_models_uid_idx").on(t.uid),
    index("oidc_models_user_code_idx").on(t.userCode),
    index("oidc_models_account_idx").on(t.accountId, t.model),
    index("oidc_models_expires_idx").on(t.expiresAt),
  ],
);

/**
 * The provider's signing keys (private JWKs), sealed like the patterns. One is current (it
 * signs); a retired one is still published until the tokens it signed have expired.
 */
export const oidcSigningKeys = pgTable("oidc_signing_keys", {
  kid: text("kid").primaryKey(),
  sealedJwk: text("sealed_jwk").notNull(),
  /** true for the one current key, null for retired ones (unique: at most one current). */
  current: boolean("current").unique(),
  createdAt: createdAt(),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
});
