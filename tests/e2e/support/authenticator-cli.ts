import { generateHOTP } from "@oslojs/otp";
import { getDb } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { beginTotpSetup, confirmTotp } from "@/lib/second-factor";
import { totpSecretFromText, totpStep } from "@/lib/second-factor/totp";
import { systemContext } from "@/lib/http/request-context";

/**
 * Turns on an authenticator app for the user with this email, through the lib verbs, against the
 * running app's database (as portal.ts createUser runs the registration CLI). Prints the base32 key
 * and the recovery codes as JSON. Only for end-to-end specs: the dashboard's setup page does this for people.
 */
async function main(email: string): Promise<void> {
  const user = await findUserByEmail(await getDb(), email);
  if (!user) throw new Error("no such user");
  const context = systemContext();
  const begun = await beginTotpSetup(user.id, context);
  if (!begun.ok) throw new Error(begun.error);
  const code = generateHOTP(totpSecretFromText(begun.setup.secret), BigInt(totpStep(context.now)), 6);
  const confirmed = await confirmTotp(user.id, code, context);
  if (!confirmed.ok) throw new Error("confirm refused");
  console.log(JSON.stringify({ secret: begun.setup.secret, recoveryCodes: confirmed.recoveryCodes }));
  process.exit(0);
}

main(process.argv[2] ?? "").catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
