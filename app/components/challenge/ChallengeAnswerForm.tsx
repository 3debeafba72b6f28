import { getTranslations } from "next-intl/server";
import { TextField } from "@/app/components/TextField";
import { buttonClass } from "@/app/components/styles";

/**
 * The one-time-password form under a challenge grid, for sign-in and re-authentication alike:
 * the numeric keypad on phones, no autocorrection, and a plain form post without JavaScript.
 */
export async function ChallengeAnswerForm({
  action,
  next,
  autoFocus = true,
}: {
  action: (form: FormData) => Promise<void>;
  next?: string;
  /** False where the grid is not what the page is for (the practice after a new matrix password). */
  autoFocus?: boolean;
}) {
  const t = await getTranslations("Login");
  return (
    <form action={action} className="space-y-5">
      {next !== undefined ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        name="answer"
        label={t("otp")}
        hint={t("otpHint")}
        inputMode="numeric"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        maxLength={64}
        required
        autoFocus={autoFocus}
      />
      <button type="submit" className={buttonClass("primary", { fullWidth: true })}>
        {t("send")}
      </button>
    </form>
  );
}
