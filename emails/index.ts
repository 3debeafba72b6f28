import { plainTextSelectors, render } from "@react-email/render";
import { compile } from "html-to-text";
import { createElement, type ComponentType } from "react";
import AccountLockedEmail, { subject as accountLockedSubject, type AccountLockedProps } from "./account-locked";
import {
  emailTranslator,
  safeTimeZone,
  type EmailEnvelope,
  type EmailTranslator,
  type RecipientTimeZone,
} from "./i18n";
import PatternSetEmail, { subject as patternSetSubject, type PatternSetProps } from "./pattern-set";
import SecondFactorChangedEmail, {
  subject as secondFactorChangedSubject,
  type SecondFactorChange,
  type SecondFactorChangedProps,
} from "./second-factor-changed";
import StartingGuideEmail, { subject as startingGuideSubject, type StartingGuideProps } from "./starting-guide";
import TermsChangedEmail, { subject as termsChangedSubject, type TermsChangedProps } from "./terms-changed";

export type {
  AccountLockedProps,
  EmailEnvelope,
  EmailTranslator,
  PatternSetProps,
  RecipientTimeZone,
  SecondFactorChange,
  SecondFactorChangedProps,
  StartingGuideProps,
  TermsChangedProps,
};

/** Template name -> the props its caller provides (JSON values only: they are sealed in the outbox). */
export type EmailPropsByTemplate = {
  "starting-guide": StartingGuideProps;
  "pattern-set": PatternSetProps;
  "account-locked": AccountLockedProps;
  "terms-changed": TermsChangedProps;
  "second-factor-changed": SecondFactorChangedProps;
};

export type EmailTemplateName = keyof EmailPropsByTemplate;

/** A template name with its matching props. */
export type EmailMessage = {
  [K in EmailTemplateName]: { template: K; props: EmailPropsByTemplate[K] };
}[EmailTemplateName];

type TemplateEntry<P> = {
  component: ComponentType<P & EmailEnvelope>;
  subject: (t: EmailTranslator, props: P) => string;
};

export const emailTemplates: { [K in EmailTemplateName]: TemplateEntry<EmailPropsByTemplate[K]> } = {
  "starting-guide": { component: StartingGuideEmail, subject: startingGuideSubject },
  "pattern-set": { component: PatternSetEmail, subject: patternSetSubject },
  "account-locked": { component: AccountLockedEmail, subject: accountLockedSubject },
  "terms-changed": { component: TermsChangedEmail, subject: termsChangedSubject },
  "second-factor-changed": { component: SecondFactorChangedEmail, subject: secondFactorChangedSubject },
};

export function isEmailTemplateName(value: unknown): value is EmailTemplateName {
  return typeof value === "string" && Object.hasOwn(emailTemplates, value);
}

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * The plain-text version, exactly what react-email's toPlainText gives with these options,
 * but compiled once: toPlainText compiles its converter on every call, which cost five times
 * the conversion itself and made rendering the mail dispatcher's bottleneck.
 */
const toPlainText = compile({
  wordwrap: false,
  selectors: [...plainTextSelectors, { selector: "h1", options: { uppercase: false } }],
});

/**
 * Renders an email to its subject, HTML and plain text. Deterministic: the same input always
 * gives the same output (a retried request must repeat its payload byte for byte).
 */
export async function renderEmail(message: EmailMessage, envelope: EmailEnvelope): Promise<RenderedEmail> {
  const entry = emailTemplates[message.template] as TemplateEntry<EmailMessage["props"]>;
  const t = emailTranslator(envelope.locale);
  // The recipient's own time zone (in the props) wins over the envelope's default.
  const timeZone = safeTimeZone(message.props.timeZone ?? envelope.timeZone);
  const html = await render(createElement(entry.component, { ...message.props, ...envelope, timeZone }));
  const text = toPlainText(html);
  return { subject: entry.subject(t, message.props), html, text };
}
