import { desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { devMailbox } from "../schema";

export type DevMailboxEntry = typeof devMailbox.$inferSelect;

/** Stores a captured email; capturing the same outbox row twice keeps the first copy. */
export async function insertDevMailboxEmail(
  executor: Executor,
  entry: { outboxId: string; toAddress: string; subject: string; html: string; text: string; createdAt: Date },
): Promise<string> {
  const inserted = await executor
    .insert(devMailbox)
    .values(entry)
    .onConflictDoNothing({ target: devMailbox.outboxId })
    .returning({ id: devMailbox.id });
  if (inserted[0]) return inserted[0].id;
  const existing = await executor
    .select({ id: devMailbox.id })
    .from(devMailbox)
    .where(eq(devMailbox.outboxId, entry.outboxId));
  return existing[0]!.id;
}

/** Captured emails, newest first; optionally only those sent to one address. */
export async function listDevMailbox(
  executor: Executor,
  options: { limit: number; toAddress?: string },
): Promise<DevMailboxEntry[]> {
  return executor
    .select()
    .from(devMailbox)
    .where(options.toAddress ? sql`lower(${devMailbox.toAddress}) = lower(${options.toAddress})` : undefined)
    .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
    .limit(options.limit);
}
