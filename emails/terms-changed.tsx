import { Text } from "@react-email/components";
import { EmailButton, EmailLayout, textStyle } from "./components/EmailLayout";
import { previewRecipient } from "./components/preview";
import { appLink, emailText, type EmailEnvelope, type EmailTranslator, type RecipientTimeZone } from "./i18n";

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
  const { t, dateTime } = emailText(props);
  return (
    <EmailLayout envelope={props} preview={t("termsChanged.preview")} heading={t("termsChanged.heading")}>
      <Text style={textStyle}>
        {t("termsChanged.body", { version: props.version, time: dateTime(props.publishedAt) })}
      </Text>
      <Text style={textStyle}>{t("termsChanged.action")}</Text>
      <EmailButton href={appLink(props.appUrl, "/terms")} margin="24px 0 8px">
        {t("termsChanged.button")}
      </EmailButton>
    </EmailLayout>
  );
}

TermsChangedEmail.PreviewProps = {
  ...previewRecipient,
  version: 2,
  publishedAt: "2026-11-29T00:00:00.000Z",
} satisfies TermsChangedProps & EmailEnvelope;

export { TermsChangedEmail };
