import { randomUUID } from "node:crypto";
import type { RequestContext } from "@/lib/http/request-context";

/** A unique customer, so tests can share one real database without colliding. */
export function newPerson(overrides: Partial<{ email: string; name: string; phone: string; company: string }> = {}) {
  const id = randomUUID().slice(0, 8);
  return {
    email: `customer-${id}@example.com`,
    name: "Taro Yamada",
    phone: `03${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
    company: "Example K.K.",
    ...overrides,
  };
}

export function testContext(now = new Date(), ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`): RequestContext {
  return { ip, userAgent: "jest", now };
}

/** The token at the end of a starting-guide link. */
export function tokenOf(link: string): string {
  return link.split("/start/")[1]!;
}

/** A pattern that passes the default strength policy: 8 clicks over two blocks. */
export const STRONG_PATTERN = [0, 5, 18, 27, 33, 9, 40, 46];
