import { Text } from "@react-email/components";
import { EmailLayout, colors, subheadingStyle, textStyle } from "./components/EmailLayout";
import { emailTranslator, formatEmailDateTime, type EmailEnvelope, type EmailTranslator, type RecipientTimeZone } from "./i18n";

export type AccountLockedProps = RecipientTimeZone & {
  name: string;
  /** When sign-in opens again (ISO 8601), or null when only an operator can unlock it. */
  unlocksAt: string | null;
};

export function subject(t: EmailTranslator): string {
  return t("accountLocked.subject");
}

export default function AccountLockedEmail(props: AccountLockedProps & EmailEnvelope) {
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout envelope={props} preview={t("accountLocked.preview")} heading={t("accountLocked.heading")} name={props.name}>
      <Text style={textStyle}>{t("accountLocked.body")}</Text>
      {props.unlocksAt ? (
        <>
          <Text style={textStyle}>
            <strong>{t("accountLocked.unlock", { time: formatEmailDateTime(props.unlocksAt, props.locale, props.timeZone) })}</strong>
          </Text>
          <Text style={textStyle}>{t("accountLocked.ifYou")}</Text>
        </>
      ) : (
        <Text style={textStyle}>
          <strong>{t("accountLocked.operatorUnlock", { contact: props.supportContact })}</strong>
        </Text>
      )}
      <Text style={{ ...subheadingStyle, color: colors.warning }}>{t("accountLocked.notYouTitle")}</Text>
      <Text style={textStyle}>{t("accountLocked.notYouBody", { contact: props.supportContact })}</Text>
    </EmailLayout>
  );
}

AccountLockedEmail.PreviewProps = {
  locale: "en",
  appUrl: "http://localhost:3000",
  supportContact: "support@matrix-portal.example",
  name: "Hanako Yamada",
  unlocksAt: "2026-11-29T01:31:00.000Z",
} satisfies AccountLockedProps & EmailEnvelope;

export { AccountLockedEmail };
