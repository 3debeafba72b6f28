import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const auditOutcome = pgEnum("audit_outcome", ["success", "failure", "info"]);

/** Who did what to whom, when and from where. Never holds a secret. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    event: text("event").notNull(),
    actorId: uuid("actor_id"),
    subjectId: uuid("subject_id"),
    outcome: auditOutcome("outcome").notNull().default("info"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index("audit_events_occurred_idx").on(t.occurredAt, t.id),
    index("audit_events_subject_idx").on(t.subjectId, t.occurredAt),
    index("audit_events_actor_idx").on(t.actorId, t.occurredAt),
    index("audit_events_event_idx").on(t.event, t.occurredAt),
  ],
);
