import type { z } from "zod";
import { clientRegistrationSchema } from "@/lib/oidc/clients";
import { OPTIONAL_SCOPES, scopeField, type AppField } from "./fields";

/**
 * From the register form's text to lib's registration input, and lib's zod issues back to the
 * fields they belong to. Redirect URIs come one per line; a refused one is named by its line.
 */

export type Registration = z.output<typeof clientRegistrationSchema>;

export type RegistrationProblem = {
  code: "required" | "too-long" | "too-many" | "invalid-uri" | "invalid-choice" | "invalid";
  /** The line of the textarea the refused address is on (1-based). */
  line?: number;
};

export type RegistrationProblems = Partial<Record<AppField, RegistrationProblem>>;

/** The non-empty lines of a textarea, with the line each one is on. */
function lines(text: string): { value: string; line: number }[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((value, index) => ({ value: value.trim(), line: index + 1 }))
    .filter(({ value }) => value !== "");
}

const codes = new Set(["required", "too-long", "too-many", "invalid-uri"]);

export function readRegistration(
  values: Record<AppField, string>,
): { ok: true; registration: Registration } | { ok: false; problems: RegistrationProblems } {
  const problems: RegistrationProblems = {};
  const redirectUris = lines(values.redirectUris);
  const postLogoutRedirectUris = lines(values.postLogoutRedirectUris);
  const confidential = { confidential: true, public: false }[values.clientType];
  if (confidential === undefined) problems.clientType = { code: "invalid-choice" };
  const parsed = clientRegistrationSchema.safeParse({
    name: values.name,
    redirectUris: redirectUris.map(({ value }) => value),
    postLogoutRedirectUris: postLogoutRedirectUris.map(({ value }) => value),
    scopes: ["openid", ...OPTIONAL_SCOPES.filter((scope) => values[scopeField(scope)] === "on")],
    confidential: confidential ?? true,
    firstParty: values.firstParty === "on",
  });
  if (parsed.success && confidential !== undefined) return { ok: true, registration: parsed.data };
  const uriLines = { redirectUris, postLogoutRedirectUris };
  for (const issue of parsed.error?.issues ?? []) {
    const [path, index] = issue.path;
    // Only the text fields can be refused: the boxes and the type are read from known values.
    if (path !== "name" && path !== "redirectUris" && path !== "postLogoutRedirectUris") continue;
    const code = codes.has(issue.message)
      ? (issue.message as RegistrationProblem["code"])
      : issue.code === "too_big"
        ? "too-long"
        : "invalid";
    const line = path !== "name" && typeof index === "number" ? uriLines[path][index]?.line : undefined;
    problems[path] ??= line === undefined ? { code } : { code, line };
  }
  return { ok: false, problems };
}
