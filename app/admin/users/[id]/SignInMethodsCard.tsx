import { getTranslations } from "next-intl/server";
import { Card } from "@/app/components/Card";
import { buttonClass } from "@/app/components/styles";
import { env } from "@/env";
import type { ListedPasskey, SecondFactorStatus } from "@/lib/second-factor";
import { setSecondFactorRequirementAction } from "../actions";
import { SelectField } from "../SelectField";
import { Facts } from "./Facts";

/**
 * Which second factors a user has (never a secret: names, counts, on or off), whether they must
 * have one, and the operator's override of the policy for them. Resetting them is one of the
 * page's account actions.
 */
export async function SignInMethodsCard({
  userId,
  status,
  passkeys,
  self,
}: {
  userId: string;
  status: SecondFactorStatus;
  passkeys: ListedPasskey[];
  self: boolean;
}) {
  const t = await getTranslations("AdminUsers.methods");
  const { methods } = status;
  return (
    <Card id="sign-in-methods" title={t("title")}>
      <Facts
        items={[
          [t("required"), status.required ? t("requiredYes") : t("requiredNo")],
          [t("passkeys"), passkeys.length ? passkeys.map((passkey) => passkey.name).join(", ") : t("passkeysNone")],
          [t("app"), methods.authenticatorApp ? t("appOn") : t("appOff")],
          [t("recoveryCodes"), t("recoveryCodesLeft", { count: methods.recoveryCodes })],
        ]}
      />
      <p className="mt-4 text-sm text-muted">{t("note")}</p>
      {self ? null : (
        <form action={setSecondFactorRequirementAction} className="mt-6 space-y-4">
          <input type="hidden" name="userId" value={userId} />
          <SelectField
            name="requirement"
            label={t("requirement")}
            hint={t("requirementHint", { policy: t(`policy.${env.SECOND_FACTOR_POLICY}`) })}
            defaultValue={status.requirement}
            options={[
              { value: "inherit", label: t("inherit") },
              { value: "required", label: t("requiredOption") },
              { value: "not_required", label: t("notRequiredOption") },
            ]}
          />
          <button type="submit" className={buttonClass("secondary")}>
            {t("save")}
          </button>
        </form>
      )}
    </Card>
  );
}
