import { getDb } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { disableUser } from "@/lib/admin/users";
import { systemContext } from "@/lib/http/request-context";
import { changeClient } from "@/lib/oidc/clients";

/**
 * What an operator does at /admin/apps and on a user's page, through the same lib verbs, against
 * the running app's database: `disable-client <client id>` or `disable-user <email>`. Only for
 * end-to-end specs (as authenticator-cli.ts is).
 */
async function main(command: string, subject: string): Promise<void> {
  if (command === "disable-client") {
    if (!(await changeClient(subject, "disable", null, systemContext()))) throw new Error("no such client");
  } else if (command === "disable-user") {
    const user = await findUserByEmail(await getDb(), subject);
    if (!user || !(await disableUser(user.id, null, systemContext())).ok) throw new Error("not disabled");
  } else throw new Error(`unknown command ${command}`);
  console.log("done");
  process.exit(0);
}

main(process.argv[2] ?? "", process.argv[3] ?? "").catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
