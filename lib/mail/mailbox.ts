import { getDb } from "@/db/client";
import { listDevMailbox } from "@/db/queries/dev-mailbox";

export type CapturedEmail = { id: string; to: string; subject: string; html: string; text: string; createdAt: Date };

/**
 * Emails captured by the development transport, newest first (optionally only those sent to
 * one address). For the /dev/mailbox page and tests; the page itself refuses in production.
 */
export async function listCapturedEmails(options: { limit?: number; to?: string } = {}): Promise<CapturedEmail[]> {
  const rows = await listDevMailbox(await getDb(), {
    limit: Math.max(1, Math.min(200, options.limit ?? 50)),
    toAddress: options.to,
  });
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    html: r.html,
    text: r.text,
    createdAt: r.createdAt,
  }));
}
