import { env } from "@/env";

/**
 * The business that operates the portal: its name, postal address and desk for personal-information
 * requests (ORGANIZATION_NAME, ORGANIZATION_ADDRESS, PRIVACY_CONTACT). The terms, the footer of
 * every email and the FAQ name it, as the Act on the Protection of Personal Information (art. 32)
 * requires.
 */
export type Organization = { name: string; address: string; privacyContact: string };

export function configuredOrganization(): Organization {
  return { name: env.ORGANIZATION_NAME, address: env.ORGANIZATION_ADDRESS, privacyContact: env.PRIVACY_CONTACT };
}
