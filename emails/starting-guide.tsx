import { Link, Text } from "@react-email/components";
import { EmailButton, EmailLayout, linkStyle, mutedStyle, subheadingStyle, textStyle } from "./components/EmailLayout";
import { previewRecipient } from "./components/preview";
import { appLink, emailText, type EmailEnvelope, type EmailTranslator, type RecipientTimeZone } from "./i18n";

export type StartingGuideProps = RecipientTimeZone & {
  /** The recipient's registered name, for the greeting. */
  name: string;
  /** The single-use link APP_URL/start/<token>. */
  link: string;
  /** When the link stops working (ISO 8601). */
  expiresAt: string;
};

export function subject(t: EmailTranslator): string {
  return t("startingGuide.subject");
}

export default function StartingGuideEmail(props: StartingGuideProps & EmailEnvelope) {
  const { t, dateTime } = emailText(props);
  const resendUrl = appLink(props.appUrl, "/start/resend");
  return (
    <EmailLayout envelope={props} preview={t("startingGuide.preview")} heading={t("startingGuide.heading")}>
      <Text style={textStyle}>{t("startingGuide.intro")}</Text>
      <EmailButton href={props.link}>{t("startingGuide.button")}</EmailButton>
      <Text style={mutedStyle}>{t("startingGuide.linkIntro")}</Text>
      <Text style={{ ...mutedStyle, marginTop: "-8px" }}>
        <Link href={props.link} style={linkStyle}>
          {props.link}
        </Link>
      </Text>
      <Text style={textStyle}>
        <strong>{t("startingGuide.expiry", { expiresAt: dateTime(props.expiresAt) })}</strong>
      </Text>
      <Text style={subheadingStyle}>{t("startingGuide.expiredTitle")}</Text>
      <Text style={textStyle}>
        {t("startingGuide.expiredBody")}{" "}
        <Link href={resendUrl} style={linkStyle}>
          {resendUrl}
        </Link>
      </Text>
      <Text style={mutedStyle}>{t("startingGuide.notExpected")}</Text>
    </EmailLayout>
  );
}

StartingGuideEmail.PreviewProps = {
  ...previewRecipient,
  link: "http://localhost:3000/start/preview-token-not-a-real-one",
  expiresAt: "2026-12-01T09:00:00.000Z",
} satisfies StartingGuideProps & EmailEnvelope;

export { StartingGuideEmail };
