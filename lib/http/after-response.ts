import { after } from "next/server";

// Work handed to after() and not yet done, per process: a graceful shutdown waits for it.
const PENDING = Symbol.for("matrix-portal.after-response-pending");
const holder = globalThis as typeof globalThis & { [PENDING]?: { count: number } };
const pending = () => (holder[PENDING] ??= { count: 0 });

/**
 * Runs work after the response is sent when called during a request, so the caller's answer
 * does not wait for it (or reveal by its timing what the work was). Outside a request (the
 * command line, tests) there is no response to wait for: the work runs now and is awaited.
 */
export async function afterResponse(work: () => Promise<unknown>): Promise<void> {
  try {
    after(async () => {
      try {
        await work();
      } finally {
        pending().count--;
      }
    });
    pending().count++;
  } catch {
    await work();
  }
}

/** How many after-response tasks are scheduled or running. */
export const afterResponsePending = (): number => pending().count;
