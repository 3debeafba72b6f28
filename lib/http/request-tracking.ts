import { randomUUID } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { env } from "@/env";
import { observeHttpRequest } from "@/lib/metrics";
import { requestScopes } from "@/lib/platform/log";
import { routePattern } from "./route-pattern";

/**
 * Every request gets an id and a route pattern as Node parses it, before Next sees it: the id
 * is nginx's X-Request-Id when a proxy is trusted (TRUSTED_PROXY_HOPS > 0; deploy/nginx sets it
 * on every request, replacing any the client sent), else a new one. Both are entered into the
 * log scope (lib/platform/log), so every line logged while serving it carries them; the id is
 * also sent back as X-Request-Id. When the response ends, its duration goes to the metrics
 * (nginx's access log, with the same id, is the log of requests).
 * The servers seen and the requests in flight are what a graceful shutdown waits for.
 */

const REQUEST_ID = /^[A-Za-z0-9-]{16,64}$/;
const STATE = Symbol.for("matrix-portal.request-tracking");

type State = { servers: Set<Server>; inFlight: number };
const holder = globalThis as typeof globalThis & { [STATE]?: State };

function requestId(request: IncomingMessage): string {
  const sent = request.headers["x-request-id"];
  return env.TRUSTED_PROXY_HOPS > 0 && typeof sent === "string" && REQUEST_ID.test(sent) ? sent : randomUUID();
}

/** Started once per process by instrumentation.ts, before any request is served. */
export function trackRequests(): void {
  if (holder[STATE]) return;
  const state: State = (holder[STATE] = { servers: new Set(), inFlight: 0 });
  // Published by Node's HTTP server (>= 20) just before it emits "request".
  subscribe("http.server.request.start", (message) => {
    const { request, response, server } = message as {
      request: IncomingMessage;
      response: ServerResponse;
      server: Server;
    };
    const id = requestId(request);
    const route = routePattern(request.url);
    const scope = { requestId: id, route };
    request.headers["x-request-id"] = id;
    response.setHeader("X-Request-Id", id);
    state.servers.add(server);
    state.inFlight++;
    const startedAt = performance.now();
    // "close" comes after the last byte or when the client went away first: each request once.
    response.once("close", () => {
      state.inFlight--;
      const seconds = (performance.now() - startedAt) / 1000;
      const status = response.writableFinished ? String(response.statusCode) : "aborted";
      observeHttpRequest(request.method ?? "", route, status, seconds);
    });
    // Node emits "request" right after this, in the same turn: Next's handling inherits the scope.
    requestScopes().enterWith(scope);
  });
}

/** Requests started and not yet answered, and the servers that took them. */
export function serving(): { inFlight: number; servers: ReadonlySet<Server> } {
  const state = holder[STATE];
  return { inFlight: state?.inFlight ?? 0, servers: state?.servers ?? new Set() };
}
