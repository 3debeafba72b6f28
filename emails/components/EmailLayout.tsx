import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import { emailTranslator, type EmailEnvelope } from "../i18n";

export const colors = {
  brand: "#1d4ed8",
  brandSoft: "#eaf1ff",
  ink: "#0f172a",
  muted: "#475569",
  line: "#e2e8f0",
  canvas: "#f5f7fb",
  surface: "#ffffff",
  warning: "#b42318",
};

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", Meiryo, Roboto, Helvetica, Arial, sans-serif';

export const textStyle: CSSProperties = { color: colors.ink, fontSize: "16px", lineHeight: "26px", margin: "0 0 16px" };
export const mutedStyle: CSSProperties = { ...textStyle, color: colors.muted, fontSize: "14px", lineHeight: "22px" };
export const subheadingStyle: CSSProperties = {
  color: colors.ink,
  fontSize: "17px",
  fontWeight: 700,
  margin: "24px 0 8px",
};
export const linkStyle: CSSProperties = { color: colors.brand, textDecoration: "underline", wordBreak: "break-all" };
export const buttonStyle: CSSProperties = {
  backgroundColor: colors.brand,
  borderRadius: "8px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "16px",
  fontWeight: 600,
  padding: "12px 24px",
  textDecoration: "none",
};

/** The call to action: one button in a section of its own. */
export function EmailButton(props: { href: string; margin?: string; children: ReactNode }) {
  return (
    <Section style={{ margin: props.margin ?? "24px 0" }}>
      <Button href={props.href} style={buttonStyle}>
        {props.children}
      </Button>
    </Section>
  );
}

/** The "wasn't you?" advice: a warning-coloured title and what to do. */
export function NotYouNote(props: { title: string; body: string }) {
  return (
    <>
      <Text style={{ ...subheadingStyle, color: colors.warning }}>{props.title}</Text>
      <Text style={textStyle}>{props.body}</Text>
    </>
  );
}

/**
 * The frame shared by every email: brand bar, heading, greeting, content, footer (which names
 * the organization that sends it and its privacy contact). The envelope is the template's props,
 * which carry the recipient's name for the greeting.
 */
export function EmailLayout(props: {
  envelope: EmailEnvelope & { name: string };
  preview: string;
  heading: string;
  children: ReactNode;
}) {
  const { envelope, preview, heading, children } = props;
  const name = envelope.name;
  const t = emailTranslator(envelope.locale);
  return (
    <Html lang={envelope.locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.canvas, fontFamily, margin: 0, padding: "24px 0" }}>
        <Container
          style={{
            maxWidth: "560px",
            margin: "0 auto",
            backgroundColor: colors.surface,
            borderRadius: "12px",
            border: `1px solid ${colors.line}`,
          }}
        >
          <Section style={{ backgroundColor: colors.brand, borderRadius: "12px 12px 0 0", padding: "16px 32px" }}>
            <Text style={{ color: "#ffffff", fontSize: "18px", fontWeight: 700, letterSpacing: "0.02em", margin: 0 }}>
              {t("brand")}
            </Text>
          </Section>
          <Section style={{ padding: "32px" }}>
            <Heading as="h1" style={{ color: colors.ink, fontSize: "24px", lineHeight: "32px", margin: "0 0 24px" }}>
              {heading}
            </Heading>
            <Text style={textStyle}>{t("greeting", { name })}</Text>
            {children}
            <Text style={{ ...textStyle, marginTop: "24px" }}>{t("signature")}</Text>
          </Section>
          <Hr style={{ borderColor: colors.line, margin: 0 }} />
          <Section style={{ padding: "16px 32px 24px" }}>
            <Text style={{ ...mutedStyle, margin: "0 0 8px" }}>{t("neverAsk")}</Text>
            <Text style={{ ...mutedStyle, margin: "0 0 8px" }}>{t("automated")}</Text>
            <Text style={{ ...mutedStyle, margin: 0 }}>
              {t("operatedBy", { organization: envelope.organization.name, address: envelope.organization.address })}
            </Text>
            <Text style={{ ...mutedStyle, margin: 0 }}>
              {t("privacyContact", { contact: envelope.organization.privacyContact })}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
