import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, textStyle } from "./components/EmailLayout";
import {
  appLink,
  emailTranslator,
  formatEmailDateTime,
  type EmailEnvelope,
  type EmailTranslator,
  type RecipientTimeZone,
} from "./i18n";

export type TermsChangedProps = RecipientTimeZone & {
  name: string;
  /** The new terms version number. */
  version: number;
  /** When it was published (ISO 8601). */
  publishedAt: string;
};

export function subject(t: EmailTranslator): string {
  return t("termsChanged.subject");
}

export default function TermsChangedEmail(props: TermsChangedProps & EmailEnvelope) {
  const t = emailTranslator(props.locale);
  const time = formatEmailDateTime(props.publishedAt, props.locale, props.timeZone);
  return (
    <EmailLayout
      envelope={props}
      preview={t("termsChanged.preview")}
      heading={t("termsChanged.heading")}
      name={props.name}
    >
      <Text style={textStyle}>{t("termsChanged.body", { version: props.version, time })}</Text>
      <Text style={textStyle}>{t("termsChanged.action")}</Text>
      <Section style={{ margin: "24px 0 8px" }}>
        <Button href={appLink(props.appUrl, "/terms")} style={buttonStyle}>
          {t("termsChanged.button")}
        </Button>
      </Section>
    </EmailLayout>
  );
}

TermsChangedEmail.PreviewProps = {
  locale: "en",
  appUrl: "http://localhost:3000",
  supportContact: "support@matrix-portal.example",
  name: "Hanako Yamada",
  version: 2,
  publishedAt: "2026-11-29T00:00:00.000Z",
} satisfies TermsChangedProps & EmailEnvelope;

export { TermsChangedEmail };
