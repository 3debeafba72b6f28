import { parseArgs } from "node:util";
import { unlockAccountByEmail } from "@/lib/login";
import { systemContext } from "@/lib/http/request-context";
import { runCli } from "./run-cli";

// For when every operator is locked out: whoever runs the server can lift a lock from its shell.
const usage = `Usage: npm run user:unlock -- --email a@example.com`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!values.email) {
    console.error(`--email: required\n${usage}`);
    return 2;
  }
  if (!(await unlockAccountByEmail(values.email, systemContext()))) {
    console.error(`No account has the email address ${values.email}.`);
    return 1;
  }
  console.log(`Unlocked ${values.email}: its failure counters are cleared and it can sign in again.`);
  return 0;
}

runCli(main, "Could not unlock the user");
