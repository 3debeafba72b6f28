/**
 * Email: queue in the caller's transaction, dispatch through a transactional outbox (Resend,
 * or the development mailbox), with retries that never send an email twice.
 */
export {
  IDEMPOTENCY_KEY_PREFIX,
  defaultMailTransport,
  dispatchPendingEmails,
  getOutboxCounts,
  queueEmail,
  queueEmails,
  retryFailedEmails,
  type DispatchOptions,
  type DispatchResult,
  type QueueEmailInput,
} from "./outbox";
export { scheduleMailDispatch } from "./schedule";
export { runMailWorker, type MailWorkerOptions } from "./worker";
export { listCapturedEmails, type CapturedEmail } from "./mailbox";
export {
  createCaptureTransport,
  createResendTransport,
  type DeliveryOutcome,
  type DeliveryRequest,
  type MailTransport,
  type OutgoingEmail,
} from "./transport";
export { MAX_ATTEMPTS, retryDelayMs } from "./retry-policy";
export type { EmailMessage, EmailPropsByTemplate, EmailTemplateName } from "@/emails";
