import type { EmailEnvelope } from "../i18n";

/** The envelope and recipient every template's PreviewProps (the react-email preview server) start from. */
export const previewRecipient = {
  locale: "en",
  appUrl: "http://localhost:3000",
  supportContact: "support@matrix-portal.example",
  // The development defaults of ORGANIZATION_NAME, ORGANIZATION_ADDRESS and PRIVACY_CONTACT (env.ts).
  organization: {
    name: "Matrix Portal Example Co., Ltd.",
    address: "1-1-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan",
    privacyContact: "privacy@matrix-portal.example",
  },
  name: "Hanako Yamada",
} satisfies EmailEnvelope & { name: string };
