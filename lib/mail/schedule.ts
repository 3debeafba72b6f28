import { afterResponse } from "@/lib/http/after-response";
import { describeError, mailLog } from "./log";
import { dispatchPendingEmails } from "./dispatch";

async function dispatchQuietly(): Promise<void> {
  try {
    await dispatchPendingEmails();
  } catch (error) {
    // The emails stay pending; the worker (or the next request) sends them.
    mailLog("error", "mail.dispatch_error", { error: describeError(error) });
  }
}

/**
 * Sends due emails soon without delaying the response: inside a request, server action or
 * route handler it runs after the response with Next's `after()`; anywhere else (a CLI, a
 * test) it runs at once, and the returned promise settles when it is done. Never rejects.
 */
export async function scheduleMailDispatch(): Promise<void> {
  await afterResponse(dispatchQuietly);
}
