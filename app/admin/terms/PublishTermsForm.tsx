"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, type FieldProps } from "@/app/components/Field";
import { FormMessage } from "@/app/components/FormMessage";
import { TextField } from "@/app/components/TextField";
import { buttonClass, hintClass } from "@/app/components/styles";
import { publishTermsAction, type PublishTermsFormState, type TermsField } from "./actions";

type Texts = Record<TermsField, string>;

function TextArea({ defaultValue, ...field }: FieldProps & { name: TermsField; defaultValue: string }) {
  return (
    <Field
      {...field}
      control={({ className, ...control }) => (
        <textarea
          rows={10}
          defaultValue={defaultValue}
          maxLength={100_000}
          {...control}
          className={`${className} leading-relaxed`}
        />
      )}
    />
  );
}

export function PublishTermsForm({ initial }: { initial: Texts }) {
  const t = useTranslations("AdminTerms");
  const [state, action, pending] = useActionState(publishTermsAction, {} as PublishTermsFormState);
  const values = { ...initial, ...state.values };
  return (
    <form action={action} className="space-y-5">
      <FormMessage tone={state.published ? "success" : "error"}>
        {state.published
          ? t("published", { version: state.published })
          : state.fieldErrors
            ? t("fixErrors")
            : undefined}
      </FormMessage>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold text-ink">{t("english")}</legend>
        <TextField
          name="enTitle"
          label={t("enTitle")}
          defaultValue={values.enTitle}
          error={state.fieldErrors?.enTitle}
          required
          maxLength={200}
          key={`enTitle-${state.published ?? ""}`}
        />
        <TextArea
          name="enBody"
          label={t("enBody")}
          defaultValue={values.enBody}
          error={state.fieldErrors?.enBody}
          required
          key={`enBody-${state.published ?? ""}`}
        />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold text-ink">{t("japanese")}</legend>
        <p className={hintClass}>{t("jaHint")}</p>
        <TextField
          name="jaTitle"
          label={t("jaTitle")}
          defaultValue={values.jaTitle}
          error={state.fieldErrors?.jaTitle}
          maxLength={200}
          lang="ja"
          key={`jaTitle-${state.published ?? ""}`}
        />
        <TextArea
          name="jaBody"
          label={t("jaBody")}
          defaultValue={values.jaBody}
          error={state.fieldErrors?.jaBody}
          key={`jaBody-${state.published ?? ""}`}
        />
      </fieldset>
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {pending ? t("publishing") : t("publish")}
      </button>
    </form>
  );
}
