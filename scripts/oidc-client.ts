import { parseArgs } from "node:util";
import { z } from "zod";
import { systemContext } from "@/lib/http/request-context";
import { CLIENT_SCOPES, clientRegistrationSchema, registerClient } from "@/lib/oidc/clients";
import { runCli } from "./run-cli";

const usage = `Usage: npm run oidc:client -- --name "Billing" --redirect-uri https://billing.example/callback [--redirect-uri …] [--post-logout-uri …] [--scope email --scope profile …] [--public] [--first-party]
Prints one line of JSON: {"client_id":…,"client_secret":…} (client_secret is null for a public client). Scopes: ${CLIENT_SCOPES.join(", ")}.`;

/** Registers an OpenID Connect application from the command line, for automation. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      "redirect-uri": { type: "string", multiple: true },
      "post-logout-uri": { type: "string", multiple: true },
      scope: { type: "string", multiple: true },
      public: { type: "boolean", default: false },
      "first-party": { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const parsed = clientRegistrationSchema.safeParse({
    name: values.name,
    redirectUris: values["redirect-uri"] ?? [],
    postLogoutRedirectUris: values["post-logout-uri"] ?? [],
    scopes: values.scope ?? ["openid", "email", "profile"],
    confidential: !values.public,
    firstParty: values["first-party"],
  });
  if (!parsed.success) {
    for (const [field, problems] of Object.entries(z.flattenError(parsed.error).fieldErrors))
      console.error(`${field}: ${(problems as string[]).join(", ")}`);
    console.error(usage);
    return 2;
  }
  const client = await registerClient(parsed.data, null, systemContext());
  console.log(JSON.stringify({ client_id: client.clientId, client_secret: client.clientSecret }));
  return 0;
}

runCli(main, "Could not register the application");
