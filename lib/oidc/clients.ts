import { z } from "zod";
import { getDb, transaction } from "@/db/client";
import {
  deleteOidcClient,
  findOidcClient,
  insertOidcClient,
  listOidcClients,
  updateOidcClient,
  type OidcClientRow,
} from "@/db/queries/oidc";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/http/request-context";
import { generateClientId, generateClientSecret, hashClientSecret } from "./client-secret";

/** The scopes an application may be allowed; openid is always among them. */
export const CLIENT_SCOPES = ["openid", "email", "profile", "company", "offline_access"] as const;
export type ClientScope = (typeof CLIENT_SCOPES)[number];

const uri = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      // https, or http on loopback for development (RFC 8252); never a fragment.
      const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
      return (url.protocol === "https:" || (url.protocol === "http:" && loopback)) && !url.hash;
    } catch {
      return false;
    }
  }, "invalid-uri");

export const clientRegistrationSchema = z.object({
  name: z.string().trim().min(1, "required").max(100, "too-long"),
  redirectUris: z.array(uri).min(1, "required").max(10, "too-many"),
  postLogoutRedirectUris: z.array(uri).max(10, "too-many").default([]),
  scopes: z.array(z.enum(CLIENT_SCOPES)).default(["openid", "email", "profile"]),
  confidential: z.boolean().default(true),
  firstParty: z.boolean().default(false),
});
export type ClientRegistration = z.input<typeof clientRegistrationSchema>;

/** What oidc-provider reads for a client: authorization code with PKCE only, exact redirect URIs. */
export function clientMetadataOf(row: OidcClientRow) {
  const scopes = new Set(["openid", ...row.scopes]);
  return {
    client_id: row.id,
    client_name: row.name,
    redirect_uris: row.redirectUris,
    post_logout_redirect_uris: row.postLogoutRedirectUris,
    response_types: ["code"],
    grant_types: scopes.has("offline_access") ? ["authorization_code", "refresh_token"] : ["authorization_code"],
    scope: [...scopes].join(" "),
    ...(row.confidential
      ? { token_endpoint_auth_method: "client_secret_basic", client_secret: row.secretHash! }
      : { token_endpoint_auth_method: "none" }),
    id_token_signed_response_alg: "RS256",
  };
}

/** The provider's view of a client: unknown when it does not exist or is disabled. */
export async function findClientMetadata(id: string) {
  const row = await findOidcClient(await getDb(), id);
  return row && !row.disabledAt ? clientMetadataOf(row) : undefined;
}

export type RegisteredClient = { clientId: string; clientSecret: string | null };

/** Registers an application; the secret (confidential clients) is returned once and stored hashed. */
export async function registerClient(
  input: ClientRegistration,
  actorId: string | null,
  context: RequestContext,
): Promise<RegisteredClient> {
  const client = clientRegistrationSchema.parse(input);
  const clientId = generateClientId();
  const clientSecret = client.confidential ? generateClientSecret() : null;
  await transaction(async (tx) => {
    await insertOidcClient(tx, {
      id: clientId,
      ...client,
      scopes: [...new Set(["openid", ...client.scopes])],
      secretHash: clientSecret ? hashClientSecret(clientId, clientSecret) : null,
      createdAt: context.now,
      updatedAt: context.now,
    });
    await recordAudit(
      { event: "oidc.client_registered", actorId, details: { clientId, name: client.name } },
      context,
      tx,
    );
  });
  return { clientId, clientSecret };
}

export type ClientChange = "rotate-secret" | "disable" | "enable" | "delete";

/** One operator action on a client; the new secret when it was rotated, null when there is no such client. */
export async function changeClient(
  clientId: string,
  change: ClientChange,
  actorId: string | null,
  context: RequestContext,
): Promise<{ clientSecret: string | null } | null> {
  return transaction(async (tx) => {
    const row = await findOidcClient(tx, clientId);
    if (!row || (change === "rotate-secret" && !row.confidential)) return null;
    let clientSecret: string | null = null;
    if (change === "delete") await deleteOidcClient(tx, clientId);
    else if (change === "rotate-secret") {
      clientSecret = generateClientSecret();
      await updateOidcClient(tx, clientId, {
        secretHash: hashClientSecret(clientId, clientSecret),
        updatedAt: context.now,
      });
    } else {
      await updateOidcClient(tx, clientId, {
        disabledAt: change === "disable" ? context.now : null,
        updatedAt: context.now,
      });
    }
    const event = {
      "rotate-secret": "oidc.client_secret_rotated",
      disable: "oidc.client_disabled",
      enable: "oidc.client_enabled",
      delete: "oidc.client_deleted",
    } as const;
    await recordAudit({ event: event[change], actorId, details: { clientId, name: row.name } }, context, tx);
    return { clientSecret };
  });
}

export async function listClients(): Promise<OidcClientRow[]> {
  return listOidcClients(await getDb());
}

export async function findClient(clientId: string): Promise<OidcClientRow | undefined> {
  return findOidcClient(await getDb(), clientId);
}
