import type { Organization } from "@/lib/platform/organization";

/**
 * The tokens a terms title or text (any version, including ones operators publish) may contain.
 * They are stored as written and replaced with the configured organization when the terms are
 * shown, so one text serves every deployment and follows a change of address.
 */
export const TERMS_PLACEHOLDERS = {
  organization: "{organization}",
  organizationAddress: "{organizationAddress}",
  privacyContact: "{privacyContact}",
} as const;

const token = /\{(organization|organizationAddress|privacyContact)\}/g;

/**
 * The text with the three tokens replaced; any other brace text stays as written. One pass, and
 * the values are inserted literally: a value that contains a token or `$&` is not read again.
 */
export function fillTermsPlaceholders(text: string, organization: Organization): string {
  const values: Record<keyof typeof TERMS_PLACEHOLDERS, string> = {
    organization: organization.name,
    organizationAddress: organization.address,
    privacyContact: organization.privacyContact,
  };
  return text.replace(token, (_match, name: keyof typeof TERMS_PLACEHOLDERS) => values[name]);
}
