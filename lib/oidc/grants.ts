import type { KoaContextWithOIDC } from "oidc-provider";
import { getDb, transaction } from "@/db/client";
import { findGrantsOfAccount, revokeGrantsOfAccountForClient } from "@/db/queries/oidc";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/http/request-context";
import { now } from "@/lib/platform/clock";
import { findClient } from "./clients";

/**
 * The user's earlier consent for this application, wherever they gave it (the grant is the
 * user's, not one browser session's), so they are asked once per application. A first-party
 * application gets its grant without asking.
 */
export async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const accountId = oidc.session?.accountId;
  const clientId = oidc.client?.clientId;
  if (!accountId || !clientId) return undefined;
  const known =
    oidc.result?.consent?.grantId ??
    oidc.session.grantIdFor(clientId) ??
    (await findGrantsOfAccount(await getDb(), accountId, now())).find((grant) => grant.clientId === clientId)?.id;
  const found = known ? await oidc.provider.Grant.find(known) : undefined;
  const grant = found?.accountId === accountId && found.clientId === clientId ? found : undefined;
  if (!(await findClient(clientId))?.firstParty) return grant;
  const firstParty = grant ?? new oidc.provider.Grant({ accountId, clientId });
  firstParty.addOIDCScope([...oidc.requestParamScopes].join(" "));
  await firstParty.save();
  return firstParty;
}

export type ConnectedApplication = { clientId: string; name: string; scopes: string[]; since: Date };

/** The applications the user allowed, for the dashboard. */
export async function listConnectedApplications(userId: string): Promise<ConnectedApplication[]> {
  const grants = await findGrantsOfAccount(await getDb(), userId, now());
  const seen = new Map<string, ConnectedApplication>();
  for (const grant of grants) {
    if (seen.has(grant.clientId)) continue;
    const client = await findClient(grant.clientId);
    if (!client) continue;
    seen.set(grant.clientId, {
      clientId: grant.clientId,
      name: client.name,
      scopes: (grant.scope ?? "").split(" ").filter(Boolean),
      since: new Date(grant.issuedAt * 1000),
    });
  }
  return [...seen.values()];
}

/** Ends what the user allowed one application: its grants, codes, access and refresh tokens. */
export async function revokeConnectedApplication(
  userId: string,
  clientId: string,
  context: RequestContext,
): Promise<boolean> {
  return transaction(async (tx) => {
    const revoked = await revokeGrantsOfAccountForClient(tx, userId, clientId);
    if (revoked.length === 0) return false;
    await recordAudit(
      { event: "oidc.consent_revoked", actorId: userId, subjectId: userId, details: { clientId } },
      context,
      tx,
    );
    return true;
  });
}
