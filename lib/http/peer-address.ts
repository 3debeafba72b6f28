import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

/**
 * The TCP peer's address of each request, for when no proxy is trusted (TRUSTED_PROXY_HOPS=0).
 * Next passes pages and actions only headers, and fills X-Forwarded-For with the socket's
 * address only when the client sent none, so the address is copied into a header of our own as
 * Node parses the request. Its name is random per process, so a client cannot send it: a
 * request without it (one accepted before instrumentation.ts ran) has no known address.
 */
const NAME = Symbol.for("matrix-portal.peer-address-header");
const SUBSCRIBED = Symbol.for("matrix-portal.peer-address-subscribed");
type Holder = typeof globalThis & { [NAME]?: string; [SUBSCRIBED]?: boolean };

function headerName(): string {
  const holder = globalThis as Holder;
  return (holder[NAME] ??= `x-peer-address-${randomBytes(16).toString("hex")}`);
}

/** Started once per process by instrumentation.ts, before any request is served. */
export function recordPeerAddresses(): void {
  const holder = globalThis as Holder;
  if (holder[SUBSCRIBED]) return;
  holder[SUBSCRIBED] = true;
  const name = headerName();
  // Published by Node's HTTP server just before it emits "request" (Node >= 20).
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    // A server listening on "::" sees IPv4 clients as ::ffff:a.b.c.d; records show a.b.c.d.
    const address = request.socket?.remoteAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
    if (address) request.headers[name] = address;
  });
}

export function peerAddress(list: Pick<Headers, "get">): string | null {
  return list.get(headerName());
}
