import { parseArgs } from "node:util";
import { secondFactorRequirement } from "@/db/schema";
import { env } from "@/env";
import { dispatchPendingEmails } from "@/lib/mail";
import { registerUser } from "@/lib/onboarding";
import { setSecondFactorRequirement } from "@/lib/second-factor";
import { systemContext } from "@/lib/http/request-context";
import { runCli } from "./run-cli";

const usage = `Usage: npm run user:create -- --email a@example.com --name "Taro Yamada" --phone 0312345678 [--company "..."] [--role customer|operator] [--locale en|ja] [--second-factor inherit|required|not_required]`;

const REQUIREMENTS: readonly string[] = secondFactorRequirement.enumValues;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      phone: { type: "string" },
      company: { type: "string" },
      role: { type: "string", default: "customer" },
      locale: { type: "string", default: "en" },
      "second-factor": { type: "string", default: "inherit" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const secondFactor = values["second-factor"];
  if (!REQUIREMENTS.includes(secondFactor)) {
    console.error(`--second-factor: invalid\n${usage}`);
    return 2;
  }
  const result = await registerUser(
    {
      email: values.email!,
      name: values.name!,
      phone: values.phone!,
      company: values.company,
      role: values.role as "customer",
      locale: values.locale as "en",
    },
    systemContext(),
  );
  if (!result.ok) {
    for (const [field, code] of Object.entries(result.fieldErrors)) console.error(`--${field}: ${code}`);
    console.error(usage);
    return 2;
  }
  // Whether this user must have a second factor, overriding SECOND_FACTOR_POLICY (as on the user page).
  if (secondFactor !== "inherit") await setSecondFactorRequirement(result.userId, secondFactor, null, systemContext());
  await dispatchPendingEmails();
  console.log(`Registered ${values.email} (${values.role}); the starting-guide email is on its way.`);
  // The link is a secret: print it only where email is captured locally anyway.
  if (env.MAIL_TRANSPORT === "outbox") console.log(`Starting-guide link (development mailbox): ${result.link}`);
  return 0;
}

runCli(main, "Could not register the user");
