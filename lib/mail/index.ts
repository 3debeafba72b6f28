/**
 * Email: queue in the caller's transaction, dispatch through a transactional outbox (Resend,
 * or the development mailbox), with retries that never send an email twice.
 */
export { getOutboxCounts, queueEmail, queueEmails, retryFailedEmails, type QueueEmailInput } from "./queue";
export { dispatchPendingEmails } from "./dispatch";
export { scheduleMailDispatch } from "./schedule";
export { runMailWorker } from "./worker";
export { listCapturedEmails } from "./mailbox";
