import type { AbstractIntlMessages } from "next-intl";

/**
 * The catalogue namespaces that client components translate with (every `useTranslations` in
 * app/ may run in the browser). Only these are serialised into each page: the whole catalogue
 * would send the admin and email texts to every visitor of /login.
 * tests/unit/client-messages.test.ts keeps the list complete and free of unused entries.
 */
export const CLIENT_NAMESPACES = [
  "AdminApps",
  "AdminImport",
  "AdminOverview",
  "AdminTerms",
  "AdminUsers",
  "Common",
  "Error",
  "ErrorSummary",
  "Matrix",
  "Onboarding",
  "Resend",
  "Session",
  "Terms",
] as const;

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(
    CLIENT_NAMESPACES.filter((namespace) => namespace in messages).map((namespace) => [
      namespace,
      messages[namespace]!,
    ]),
  );
}
