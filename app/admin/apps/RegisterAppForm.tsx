"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "@/app/components/ErrorSummary";
import { Field, type FieldProps } from "@/app/components/Field";
import { FieldError } from "@/app/components/FieldError";
import { FormMessage } from "@/app/components/FormMessage";
import { TextField } from "@/app/components/TextField";
import { buttonClass, describedBy } from "@/app/components/styles";
import { Credentials } from "./Credentials";
import {
  CLIENT_TYPES,
  DEFAULT_SCOPES,
  OPTIONAL_SCOPES,
  scopeField,
  type AppField,
  type RegisterAppState,
} from "./fields";

function TextArea({ defaultValue, ...field }: FieldProps & { name: AppField; defaultValue: string }) {
  return (
    <Field
      {...field}
      control={({ className, ...control }) => (
        <textarea
          rows={3}
          defaultValue={defaultValue}
          maxLength={25_000}
          spellCheck={false}
          autoCapitalize="off"
          {...control}
          className={`${className} font-mono text-sm`}
        />
      )}
    />
  );
}

/** A checkbox named by its label alone, with its hint as the description. */
function Checkbox({
  name,
  label,
  hint,
  defaultChecked,
}: {
  name: AppField;
  label: string;
  hint: string;
  defaultChecked: boolean;
}) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={name}
        name={name}
        type="checkbox"
        defaultChecked={defaultChecked}
        aria-describedby={`${name}-hint`}
        className="mt-1 size-5 shrink-0 accent-brand"
      />
      <div>
        <label htmlFor={name} className="font-medium text-ink">
          {label}
        </label>
        <p id={`${name}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      </div>
    </div>
  );
}

/**
 * "Register an application". Lib checks the fields; a refusal comes back under them with what was
 * typed. Once registered, the client id and secret are shown above the form this once: they
 * live only in the form's state (not in a URL, nowhere stored in the clear).
 */
export function RegisterAppForm({
  action: submit,
}: {
  action: (state: RegisterAppState, form: FormData) => Promise<RegisterAppState>;
}) {
  const t = useTranslations("AdminApps");
  const [state, action, pending] = useActionState(submit, {} as RegisterAppState);
  const errors = state.fieldErrors ?? {};
  const values = state.values;
  const text = (field: AppField) => values?.[field] ?? "";
  const clientType = values?.clientType ?? "confidential";
  const legend = "font-semibold text-ink";
  const typeErrorId = "clientType-error";
  return (
    <form action={action} noValidate className="space-y-5" key={JSON.stringify(values ?? {})}>
      <ErrorSummary
        errors={summaryErrors(errors, [
          ["name", t("fields.name")],
          ["redirectUris", t("fields.redirectUris")],
          ["postLogoutRedirectUris", t("fields.postLogoutRedirectUris")],
          ["clientType", t("fields.clientType")],
        ])}
      />
      <FormMessage tone={state.tone ?? "error"}>{state.message}</FormMessage>
      {state.registered ? (
        <Credentials clientId={state.registered.clientId} clientSecret={state.registered.clientSecret} />
      ) : null}
      <TextField
        name="name"
        label={t("fields.name")}
        hint={t("fields.nameHint")}
        defaultValue={text("name")}
        error={errors.name}
        required
        maxLength={100}
        autoComplete="off"
      />
      <TextArea
        name="redirectUris"
        label={t("fields.redirectUris")}
        hint={t("fields.redirectUrisHint")}
        defaultValue={text("redirectUris")}
        error={errors.redirectUris}
        required
      />
      <TextArea
        name="postLogoutRedirectUris"
        label={t("fields.postLogoutRedirectUris")}
        hint={t("fields.postLogoutRedirectUrisHint")}
        defaultValue={text("postLogoutRedirectUris")}
        error={errors.postLogoutRedirectUris}
      />
      <fieldset className="space-y-3" aria-describedby="scopes-hint">
        <legend className={legend}>{t("fields.scopes")}</legend>
        <p id="scopes-hint" className="-mt-1 text-sm text-muted">
          {t("fields.scopesHint")}
        </p>
        {OPTIONAL_SCOPES.map((scope) => (
          <Checkbox
            key={scope}
            name={scopeField(scope)}
            label={scope}
            hint={t(`scopeHints.${scope}`)}
            defaultChecked={values ? values[scopeField(scope)] === "on" : DEFAULT_SCOPES.includes(scope)}
          />
        ))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className={legend}>{t("fields.clientType")}</legend>
        {CLIENT_TYPES.map((type, index) => {
          const id = index === 0 ? "clientType" : `clientType-${type}`;
          return (
            <div key={type} className="flex items-start gap-3">
              <input
                id={id}
                name="clientType"
                type="radio"
                value={type}
                defaultChecked={clientType === type}
                aria-describedby={describedBy(`${id}-hint`, errors.clientType && typeErrorId)}
                className="mt-1 size-5 shrink-0 accent-brand"
              />
              <div>
                <label htmlFor={id} className="font-medium text-ink">
                  {t(`types.${type}`)}
                </label>
                <p id={`${id}-hint`} className="text-sm text-muted">
                  {t(`typeHints.${type}`)}
                </p>
              </div>
            </div>
          );
        })}
        <FieldError id={typeErrorId} message={errors.clientType} />
      </fieldset>
      <Checkbox
        name="firstParty"
        label={t("fields.firstParty")}
        hint={t("fields.firstPartyHint")}
        defaultChecked={values?.firstParty === "on"}
      />
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {t("registerButton")}
      </button>
    </form>
  );
}
