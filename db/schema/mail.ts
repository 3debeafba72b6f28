import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "failed"]);

/**
 * Transactional outbox: an email is queued in the same transaction as the change that causes
 * it. The template props are sealed because some carry a starting-guide link, and are wiped
 * once the email has left.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    template: text("template").notNull(),
    locale: text("locale").notNull().default("en"),
    sealedProps: text("sealed_props"),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    /**
     * The Idempotency-Key of the request that carries this email: fixed before the first send
     * and shared by every email sent in the same batch, so a retry repeats the exact request.
     */
    batchKey: text("batch_key"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("email_outbox_batch_key_idx").on(t.batchKey),
  ],
);

/** Emails captured instead of sent, for the development mailbox page. */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    outboxId: uuid("outbox_id").notNull().unique(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("dev_mailbox_created_idx").on(t.createdAt)],
);
