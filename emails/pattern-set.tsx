import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle, colors, subheadingStyle, textStyle } from "./components/EmailLayout";
import {
  appLink,
  emailTranslator,
  formatEmailDateTime,
  type EmailEnvelope,
  type EmailTranslator,
  type RecipientTimeZone,
} from "./i18n";

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
  const t = emailTranslator(props.locale);
  const time = formatEmailDateTime(props.at, props.locale, props.timeZone);
  const changed = props.kind === "changed";
  return (
    <EmailLayout
      envelope={props}
      preview={t("patternSet.preview")}
      heading={changed ? t("patternSet.headingChanged") : t("patternSet.headingSet")}
      name={props.name}
    >
      <Text style={textStyle}>
        {changed ? t("patternSet.bodyChanged", { time }) : t("patternSet.bodySet", { time })}
      </Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={appLink(props.appUrl, "/login")} style={buttonStyle}>
          {t("patternSet.button")}
        </Button>
      </Section>
      <Text style={{ ...subheadingStyle, color: colors.warning }}>{t("patternSet.notYouTitle")}</Text>
      <Text style={textStyle}>{t("patternSet.notYouBody", { contact: props.supportContact })}</Text>
    </EmailLayout>
  );
}

PatternSetEmail.PreviewProps = {
  locale: "en",
  appUrl: "http://localhost:3000",
  supportContact: "support@matrix-portal.example",
  name: "Hanako Yamada",
  kind: "set",
  at: "2026-11-29T01:30:00.000Z",
} satisfies PatternSetProps & EmailEnvelope;

export { PatternSetEmail };
