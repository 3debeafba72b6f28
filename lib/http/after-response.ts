import { after } from "next/server";

/**
 * Runs work after the response is sent when called during a request, so the caller's answer
 * does not wait for it (or reveal by its timing what the work was). Outside a request (the
 * command line, tests) there is no response to wait for: the work runs now and is awaited.
 */
export async function afterResponse(work: () => Promise<unknown>): Promise<void> {
  try {
    after(work);
  } catch {
    await work();
  }
}
