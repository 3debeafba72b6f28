// The audit_events queries, split by what reads or writes them.
export { insertAuditEvent, insertAuditEvents, type NewAuditEvent } from "./write";
export { listAuditLog, type AuditLogFilter, type AuditLogPosition, type AuditLogRow } from "./log";
export { countFailedSignIns, listSecurityEvents, listSuccessfulSignIns, listUserAuditEvents } from "./activity";
export { countEventsPerPeriod } from "./counts";
