import type { EmailEnvelope } from "../i18n";

/** The envelope and recipient every template's PreviewProps (the react-email preview server) start from. */
export const previewRecipient = {
  locale: "en",
  appUrl: "http://localhost:3000",
  supportContact: "support@matrix-portal.example",
  name: "Hanako Yamada",
} satisfies EmailEnvelope & { name: string };
