import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { emailOutbox, onboardingTokens } from "@/db/schema";
import { env } from "@/env";
import { openJson, parseKeyring } from "@/lib/crypto";
import { listCapturedEmails } from "@/lib/mail";

/**
 * The newest starting-guide link of a user. Emails are dispatched at once outside a request
 * (lib/mail/schedule.ts), but on a shared database other runs' emails may hold this one back:
 * a row still in the outbox is opened the way the dispatcher opens it.
 */
export async function latestGuide(userId: string): Promise<{ link: string; purpose: string }> {
  const db = await getDb();
  const [token] = await db
    .select({ purpose: onboardingTokens.purpose })
    .from(onboardingTokens)
    .where(eq(onboardingTokens.userId, userId))
    .orderBy(desc(onboardingTokens.createdAt))
    .limit(1);
  const user = await findUserById(await getDb(), userId);
  const [row] = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, user!.email), eq(emailOutbox.template, "starting-guide")))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  let text = "";
  if (row?.sealedProps) {
    const keys = parseKeyring(env.PATTERN_KEY_ID, env.PATTERN_KEY, env.PATTERN_KEYS_PREVIOUS);
    text = JSON.stringify(
      openJson(row.sealedProps, `email-outbox:${row.id}:${row.template}:${row.toAddress}`, keys.all),
    );
  } else {
    text = (await listCapturedEmails({ to: user!.email, limit: 1 }))[0]?.text ?? "";
  }
  const link = text.match(/https?:\/\/[^\s"]+\/start\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error("no starting-guide email");
  return { link, purpose: token!.purpose };
}
