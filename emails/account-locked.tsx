import { Button, Link, Section, Text } from "@react-email/components";
import {
  EmailLayout,
  buttonStyle,
  colors,
  linkStyle,
  mutedStyle,
  subheadingStyle,
  textStyle,
} from "./components/EmailLayout";
import {
  emailTranslator,
  formatEmailDateTime,
  type EmailEnvelope,
  type EmailTranslator,
  type RecipientTimeZone,
} from "./i18n";

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
  const t = emailTranslator(props.locale);
  return (
    <EmailLayout
      envelope={props}
      preview={t("accountLocked.preview")}
      heading={t("accountLocked.heading")}
      name={props.name}
    >
      <Text style={textStyle}>{t("accountLocked.body")}</Text>
      {props.unlocksAt ? (
        <>
          <Text style={textStyle}>
            <strong>
              {t("accountLocked.unlock", { time: formatEmailDateTime(props.unlocksAt, props.locale, props.timeZone) })}
            </strong>
          </Text>
          <Text style={textStyle}>{t("accountLocked.ifYou")}</Text>
        </>
      ) : props.unlockLink && props.unlockLinkExpiresAt ? (
        <>
          <Text style={textStyle}>
            <strong>{t("accountLocked.selfUnlock")}</strong>
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={props.unlockLink} style={buttonStyle}>
              {t("accountLocked.unlockButton")}
            </Button>
          </Section>
          <Text style={mutedStyle}>
            {t("accountLocked.unlockLinkIntro", {
              time: formatEmailDateTime(props.unlockLinkExpiresAt, props.locale, props.timeZone),
            })}
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
