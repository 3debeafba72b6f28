/**
 * The business that operates the portal, for the production servers tests and tools start
 * (env.ts requires it there). Not the development defaults, so a test that finds these values
 * on a page or in an email knows they came from the configuration.
 */
export const organizationSettings = {
  ORGANIZATION_NAME: "Matrix Portal Test Operations K.K.",
  ORGANIZATION_ADDRESS: "2-2-2 Otemachi, Chiyoda-ku, Tokyo 100-0004, Japan",
  PRIVACY_CONTACT: "Privacy desk, privacy@portal-test.example, 03-0000-0000",
};
