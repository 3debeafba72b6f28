import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { env } from "@/env";
import { dispatchPendingEmails } from "@/lib/mail";
import { registerUser } from "@/lib/onboarding";
import { systemContext } from "@/lib/request-context";

const usage = `Usage: npm run user:create -- --email a@example.com --name "Taro Yamada" --phone 0312345678 [--company "..."] [--role customer|operator] [--locale en|ja]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      phone: { type: "string" },
      company: { type: "string" },
      role: { type: "string", default: "customer" },
      locale: { type: "string", default: "en" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const result = await registerUser(
    { email: values.email!, name: values.name!, phone: values.phone!, company: values.company, role: values.role as "customer", locale: values.locale as "en" },
    systemContext(),
  );
  if (!result.ok) {
    for (const [field, code] of Object.entries(result.fieldErrors)) console.error(`--${field}: ${code}`);
    console.error(usage);
    return 2;
  }
  await dispatchPendingEmails();
  console.log(`Registered ${values.email} (${values.role}); the starting-guide email is on its way.`);
  // The link is a secret: print it only where email is captured locally anyway.
  if (env.MAIL_TRANSPORT === "outbox") console.log(`Starting-guide link (development mailbox): ${result.link}`);
  return 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error: Error) => {
    console.error(`Could not register the user: ${error.message}`);
    await closeDb().catch(() => {});
    process.exit(1);
  });
