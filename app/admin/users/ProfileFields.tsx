import { useTranslations } from "next-intl";
import { TextField } from "@/app/components/TextField";

type ProfileTexts = Partial<Record<"name" | "phone" | "company", string>>;

/** The name, phone and company an operator types when registering or editing a customer. */
export function ProfileFields({ values, errors }: { values: ProfileTexts; errors: ProfileTexts }) {
  const t = useTranslations("AdminUsers");
  return (
    <>
      <TextField
        name="name"
        label={t("fields.name")}
        hint={t("fields.nameHint")}
        autoComplete="off"
        required
        defaultValue={values.name}
        error={errors.name}
      />
      <TextField
        name="phone"
        type="tel"
        inputMode="numeric"
        label={t("fields.phone")}
        hint={t("fields.phoneHint")}
        autoComplete="off"
        required
        defaultValue={values.phone}
        error={errors.phone}
      />
      <TextField
        name="company"
        label={t("fields.company")}
        hint={t("fields.companyHint")}
        autoComplete="off"
        defaultValue={values.company}
        error={errors.company}
      />
    </>
  );
}
