import { Text } from "@react-email/components";
import { EmailButton, EmailLayout, NotYouNote, textStyle } from "./components/EmailLayout";
import { previewRecipient } from "./components/preview";
import { appLink, emailText, type EmailEnvelope, type EmailTranslator, type RecipientTimeZone } from "./i18n";

/** Each change to how the user proves who they are after the matrix, as the email names it. */
export const SECOND_FACTOR_CHANGES = [
  "passkeyAdded",
  "passkeyRemoved",
  "authenticatorAppOn",
  "authenticatorAppOff",
  "recoveryCodesGenerated",
  "recoveryCodeUsed",
  "reset",
] as const;
export type SecondFactorChange = (typeof SECOND_FACTOR_CHANGES)[number];

export type SecondFactorChangedProps = RecipientTimeZone & {
  name: string;
  change: SecondFactorChange;
  /** When it happened (ISO 8601). */
  at: string;
  /** The passkey's name, for passkeyAdded and passkeyRemoved. */
  passkeyName?: string | null;
  /** Unused recovery codes left, for recoveryCodeUsed. */
  remaining?: number | null;
};

export function subject(t: EmailTranslator, props: SecondFactorChangedProps): string {
  return t(`secondFactorChanged.subject.${props.change}`);
}

export default function SecondFactorChangedEmail(props: SecondFactorChangedProps & EmailEnvelope) {
  const { t, dateTime } = emailText(props);
  const values = { time: dateTime(props.at), passkey: props.passkeyName ?? "", remaining: props.remaining ?? 0 };
  return (
    <EmailLayout
      envelope={props}
      preview={t("secondFactorChanged.preview")}
      heading={t(`secondFactorChanged.subject.${props.change}`)}
    >
      <Text style={textStyle}>{t(`secondFactorChanged.body.${props.change}`, values)}</Text>
      {props.change === "recoveryCodeUsed" ? (
        <Text style={textStyle}>{t("secondFactorChanged.remaining", values)}</Text>
      ) : null}
      <EmailButton href={appLink(props.appUrl, "/dashboard")}>{t("secondFactorChanged.button")}</EmailButton>
      <NotYouNote
        title={t("secondFactorChanged.notYouTitle")}
        body={t("secondFactorChanged.notYouBody", { contact: props.supportContact })}
      />
    </EmailLayout>
  );
}

SecondFactorChangedEmail.PreviewProps = {
  ...previewRecipient,
  change: "passkeyAdded",
  at: "2026-11-29T01:30:00.000Z",
  passkeyName: "Work laptop",
} satisfies SecondFactorChangedProps & EmailEnvelope;

export { SecondFactorChangedEmail };
