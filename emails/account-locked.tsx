import { Link, Text } from "@react-email/components";
import { EmailButton, EmailLayout, NotYouNote, linkStyle, mutedStyle, textStyle } from "./components/EmailLayout";
import { previewRecipient } from "./components/preview";
import { emailText, type EmailEnvelope, type EmailTranslator, type RecipientTimeZone } from "./i18n";

export type AccountLockedProps = RecipientTimeZone & {
  name: string;
  /** When sign-in opens again (ISO 8601), or null for the lasting lock that needs an unlock. */
  unlocksAt: string | null;
  /** The lasting lock only: the owner's single-use unlock link APP_URL/unlock/<token> ... */
  unlockLink?: string;
  /** ... and when it stops working (ISO 8601). */
  unlockLinkExpiresAt?: string;
};

export function subject(t: EmailTranslator): string {
  return t("accountLocked.subject");
}

export default function AccountLockedEmail(props: AccountLockedProps & EmailEnvelope) {
  const { t, dateTime } = emailText(props);
  return (
    <EmailLayout envelope={props} preview={t("accountLocked.preview")} heading={t("accountLocked.heading")}>
      <Text style={textStyle}>{t("accountLocked.body")}</Text>
      {props.unlocksAt ? (
        <>
          <Text style={textStyle}>
            <strong>{t("accountLocked.unlock", { time: dateTime(props.unlocksAt) })}</strong>
          </Text>
          <Text style={textStyle}>{t("accountLocked.ifYou")}</Text>
        </>
      ) : props.unlockLink && props.unlockLinkExpiresAt ? (
        <>
          <Text style={textStyle}>
            <strong>{t("accountLocked.selfUnlock")}</strong>
          </Text>
          <EmailButton href={props.unlockLink}>{t("accountLocked.unlockButton")}</EmailButton>
          <Text style={mutedStyle}>
            {t("accountLocked.unlockLinkIntro", { time: dateTime(props.unlockLinkExpiresAt) })}
          </Text>
          <Text style={mutedStyle}>
            <Link href={props.unlockLink} style={linkStyle}>
              {props.unlockLink}
            </Link>
          </Text>
        </>
      ) : (
        <Text style={textStyle}>
          <strong>{t("accountLocked.operatorUnlock", { contact: props.supportContact })}</strong>
        </Text>
      )}
      <NotYouNote
        title={t("accountLocked.notYouTitle")}
        body={t("accountLocked.notYouBody", { contact: props.supportContact })}
      />
    </EmailLayout>
  );
}

AccountLockedEmail.PreviewProps = {
  ...previewRecipient,
  unlocksAt: "2026-11-29T01:31:00.000Z",
} satisfies AccountLockedProps & EmailEnvelope;

export { AccountLockedEmail };
