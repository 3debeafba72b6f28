import type { Adapter, AdapterPayload } from "oidc-provider";
import { getDb } from "@/db/client";
import { consumeOidcModel, destroyOidcModel, findOidcModel, revokeOidcGrant, upsertOidcModel } from "@/db/queries/oidc";
import { now } from "@/lib/platform/clock";
import { findClientMetadata } from "./clients";

/**
 * Answered as oidc-provider's own InvalidGrant is: its error handler reads `expose`, `statusCode`
 * and the message (the OAuth error code). Its class is not imported: the library is ES modules
 * only, and this file is also loaded by tools and jest.
 */
class AlreadyConsumed extends Error {
  readonly expose = true;
  readonly statusCode = 400;
  readonly error = "invalid_grant";
  readonly error_description: string;
  constructor(model: string) {
    super("invalid_grant");
    this.error_description = `${model === "RefreshToken" ? "refresh token" : "authorization code"} already consumed`;
  }
}

/**
 * oidc-provider's storage in the portal's database (PGlite or PostgreSQL), so that several
 * instances share every session, interaction, grant, code and token. Expiry is read against
 * the portal's clock (lib/platform/clock), which tests can move.
 */
export class DrizzleAdapter implements Adapter {
  constructor(private readonly model: string) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const at = now();
    await upsertOidcModel(await getDb(), {
      model: this.model,
      id,
      payload: payload as Record<string, unknown>,
      expiresAt: expiresIn ? new Date(at.getTime() + expiresIn * 1000) : null,
    });
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.lookup({ column: "id", value: id });
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.lookup({ column: "uid", value: uid });
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.lookup({ column: "userCode", value: userCode });
  }

  /**
   * The provider checks `consumed` and then consumes: two requests with one code could both pass
   * the check. Here only the first consume wins; the other is the replay the provider itself
   * answers with invalid_grant and a revoked grant.
   */
  async consume(id: string): Promise<void> {
    const db = await getDb();
    const result = await consumeOidcModel(db, this.model, id, now());
    if (result.outcome === "consumed") return;
    // Used already, or gone since the provider read it (a racing replay revoked it): refused.
    if (result.outcome === "already" && result.grantId) await revokeOidcGrant(db, result.grantId);
    throw new AlreadyConsumed(this.model);
  }

  async destroy(id: string): Promise<void> {
    await destroyOidcModel(await getDb(), this.model, id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await revokeOidcGrant(await getDb(), grantId);
  }

  private async lookup(lookup: Parameters<typeof findOidcModel>[2]) {
    const row = await findOidcModel(await getDb(), this.model, lookup, now());
    if (!row) return undefined;
    const consumed = row.consumedAt ? Math.floor(row.consumedAt.getTime() / 1000) : undefined;
    return { ...row.payload, ...(consumed ? { consumed } : {}) } as AdapterPayload;
  }
}

/** Clients live in oidc_clients (managed at /admin/apps), read-only to the provider. */
class ClientAdapter extends DrizzleAdapter {
  override async find(id: string): Promise<AdapterPayload | undefined> {
    return (await findClientMetadata(id)) as AdapterPayload | undefined;
  }
  override async upsert(): Promise<void> {
    throw new Error("Clients are registered at /admin/apps or with npm run oidc:client");
  }
}

export function adapterFor(model: string): Adapter {
  return model === "Client" ? new ClientAdapter(model) : new DrizzleAdapter(model);
}
