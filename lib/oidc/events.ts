import type Provider from "oidc-provider";
import type { KoaContextWithOIDC } from "oidc-provider";
import { recordAudit, type AuditEventName } from "@/lib/audit";
import { describeError, log } from "@/lib/platform/log";
import { oidcState } from "./context";

/**
 * Every authorization, token issue and refusal goes to the audit log with the client, the user
 * and the address. Only ids and error codes: never a code, token or secret.
 */
function audit(event: AuditEventName, ctx: KoaContextWithOIDC, outcome: "success" | "failure", error?: unknown) {
  const state = oidcState();
  if (!state) return;
  const accountId = ctx.oidc?.session?.accountId ?? ctx.oidc?.entities?.Grant?.accountId ?? null;
  const details: Record<string, string> = {};
  if (ctx.oidc?.client?.clientId) details.clientId = ctx.oidc.client.clientId;
  if (error && typeof error === "object" && "error" in error && typeof error.error === "string")
    details.error = error.error;
  state.pending.push(recordAudit({ event, outcome, actorId: accountId, subjectId: accountId, details }, state.context));
}

export function recordOidcEvents(provider: Provider): void {
  provider.on("authorization.success", (ctx) => audit("oidc.authorized", ctx, "success"));
  provider.on("authorization.error", (ctx, error) => audit("oidc.authorization_refused", ctx, "failure", error));
  provider.on("grant.success", (ctx) => audit("oidc.token_issued", ctx, "success"));
  provider.on("grant.error", (ctx, error) => audit("oidc.token_refused", ctx, "failure", error));
  provider.on("end_session.success", (ctx) => audit("oidc.signed_out", ctx, "success"));
  // The error's class and code only: a message could quote a token or a query's parameters.
  provider.on("server_error", (_ctx, error) => {
    log("error", "oidc", "server_error", { error: describeError(error) });
  });
}
