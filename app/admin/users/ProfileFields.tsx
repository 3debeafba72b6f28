import { useTranslations } from "next-intl";
import { TextFields } from "@/app/components/ActionForm";

type ProfileTexts = Partial<Record<"name" | "phone" | "company", string>>;

/** The name, phone and company an operator types when registering or editing a customer. */
export function ProfileFields({ values, errors }: { values: ProfileTexts; errors: ProfileTexts }) {
  const t = useTranslations("AdminUsers");
  return (
    <TextFields
      values={values}
      errors={errors}
      fields={[
        { name: "name", label: t("fields.name"), hint: t("fields.nameHint"), autoComplete: "off", required: true },
        {
          name: "phone",
          type: "tel",
          inputMode: "numeric",
          label: t("fields.phone"),
          hint: t("fields.phoneHint"),
          autoComplete: "off",
          required: true,
        },
        { name: "company", label: t("fields.company"), hint: t("fields.companyHint"), autoComplete: "off" },
      ]}
    />
  );
}
