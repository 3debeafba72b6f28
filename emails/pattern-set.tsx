import { Text } from "@react-email/components";
import { EmailButton, EmailLayout, NotYouNote, textStyle } from "./components/EmailLayout";
import { previewRecipient } from "./components/preview";
import { appLink, emailText, type EmailEnvelope, type EmailTranslator, type RecipientTimeZone } from "./i18n";

export type PatternSetProps = RecipientTimeZone & {
  name: string;
  /** "set" for the first registration, "changed" when it replaced an earlier one. */
  kind: "set" | "changed";
  /** When it happened (ISO 8601). */
  at: string;
};

export function subject(t: EmailTranslator, props: PatternSetProps): string {
  return props.kind === "changed" ? t("patternSet.subjectChanged") : t("patternSet.subjectSet");
}

export default function PatternSetEmail(props: PatternSetProps & EmailEnvelope) {
  const { t, dateTime } = emailText(props);
  const time = dateTime(props.at);
  const changed = props.kind === "changed";
  return (
    <EmailLayout
      envelope={props}
      preview={changed ? t("patternSet.previewChanged") : t("patternSet.previewSet")}
      heading={changed ? t("patternSet.headingChanged") : t("patternSet.headingSet")}
    >
      <Text style={textStyle}>
        {changed ? t("patternSet.bodyChanged", { time }) : t("patternSet.bodySet", { time })}
      </Text>
      <EmailButton href={appLink(props.appUrl, "/login")}>{t("patternSet.button")}</EmailButton>
      <NotYouNote
        title={t("patternSet.notYouTitle")}
        body={t("patternSet.notYouBody", { contact: props.supportContact })}
      />
    </EmailLayout>
  );
}

PatternSetEmail.PreviewProps = {
  ...previewRecipient,
  kind: "set",
  at: "2026-11-29T01:30:00.000Z",
} satisfies PatternSetProps & EmailEnvelope;

export { PatternSetEmail };
