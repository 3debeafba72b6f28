import type { ClientScope } from "@/lib/oidc/clients";
import type { FormState } from "@/app/components/form-state";

/**
 * The register form's fields and states, shared by the page, its client components and the
 * actions. Types and plain constants only: the client components import this file, so it must
 * not pull lib/oidc (and the database) into the browser bundle.
 */

/** The scopes an operator ticks; openid is always allowed and has no box. */
export const OPTIONAL_SCOPES = ["email", "profile", "company", "offline_access"] as const satisfies readonly Exclude<
  ClientScope,
  "openid"
>[];
export type OptionalScope = (typeof OPTIONAL_SCOPES)[number];

/** Ticked on a new form, as lib's own default (openid, email, profile). */
export const DEFAULT_SCOPES: readonly OptionalScope[] = ["email", "profile"];

/** One checkbox per scope (a FormData field holds one value): "on" when ticked. */
export const scopeField = (scope: OptionalScope) => `scope_${scope}` as const;
export type ScopeField = ReturnType<typeof scopeField>;

export const CLIENT_TYPES = ["confidential", "public"] as const;

export type AppField = "name" | "redirectUris" | "postLogoutRedirectUris" | "clientType" | "firstParty" | ScopeField;

export const APP_FIELDS: readonly AppField[] = [
  "name",
  "redirectUris",
  "postLogoutRedirectUris",
  "clientType",
  "firstParty",
  ...OPTIONAL_SCOPES.map(scopeField),
];

/** The credentials of an application just registered: in the form's state only, shown this once. */
export type RegisterAppState = FormState<AppField> & {
  registered?: { clientId: string; clientSecret: string | null };
};

/** A rotated secret: in the form's state only, shown this once. */
export type RotateSecretState = FormState<never> & { clientSecret?: string };
