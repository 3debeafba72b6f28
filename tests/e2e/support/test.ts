import { test as base, type Browser, type BrowserContext } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";

export { expect } from "@playwright/test";

/**
 * Every test is a different client behind the portal's proxy (X-Forwarded-For), so the per-IP
 * rate limits that one test exhausts do not spill into the next, as with real customers.
 */
export const test = base.extend({
  context: async ({ context }, provide, testInfo) => {
    const byte = (index: number) => createHash("sha256").update(testInfo.testId).digest()[index]!;
    await context.setExtraHTTPHeaders({ "X-Forwarded-For": `198.18.${byte(0)}.${(byte(1) % 250) + 1}` });
    await provide(context);
  },
});

/** Another browser of the same person or of someone else: a client address of its own, like `context`'s. */
export function newClientContext(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  const [a, b] = randomBytes(2);
  return browser.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": `198.19.${a}.${(b! % 250) + 1}` } });
}
