import { ServerResponse } from "node:http";
import { databaseOutageSuspected } from "@/db/availability";
import { UNAVAILABLE_CSP, unavailableHeaders, unavailablePage } from "./unavailable";

type Patched = ServerResponse & { __matrixOutageBody?: string };
const KEPT_HEADERS =
  /^(strict-transport-security|x-content-type-options|x-frame-options|referrer-policy|permissions-policy)$/i;

/**
 * Starts the 503 page instead of the 500 Next was about to send, if an outage is known and
 * nothing was sent yet. Returns whether the response now carries the 503 page.
 */
function swapped(res: Patched, writeHead: ServerResponse["writeHead"]): boolean {
  if (res.__matrixOutageBody !== undefined) return true;
  if (res.headersSent || res.statusCode !== 500 || !databaseOutageSuspected()) return false;
  const request = res.req;
  const body = unavailablePage({
    cookie: request?.headers.cookie,
    acceptLanguage: request?.headers["accept-language"],
    path: request?.url ? new URL(request.url, "http://localhost").pathname : "/",
  });
  for (const name of res.getHeaderNames()) if (!KEPT_HEADERS.test(name)) res.removeHeader(name);
  res.__matrixOutageBody = body;
  writeHead.call(res, 503, {
    ...unavailableHeaders,
    "Content-Security-Policy": UNAVAILABLE_CSP,
    "Content-Length": String(Buffer.byteLength(body)),
  });
  return true;
}

/**
 * A request already past the proxy when the database goes away fails inside Next, which can
 * only answer 500 (its error statuses are 401/403/404 and redirects). While an outage is known
 * (db/availability), this sends the proxy's 503 "temporarily unavailable" page instead of that
 * 500, so a visitor never sees "Internal Server Error" for a database restart. Installed once
 * per server process by instrumentation.ts; every other response is untouched.
 */
export function installOutageResponses(): void {
  const marker = globalThis as unknown as { __matrixOutageResponses?: boolean };
  if (marker.__matrixOutageResponses) return;
  marker.__matrixOutageResponses = true;
  const proto = ServerResponse.prototype;
  const { writeHead, write, end } = proto;

  proto.writeHead = function (this: Patched, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && !this.headersSent && databaseOutageSuspected()) {
      this.statusCode = 500;
      if (swapped(this, writeHead)) return this;
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as ServerResponse["writeHead"];

  // Next's own body (its error page or "Internal Server Error") is dropped for ours.
  proto.write = function (this: Patched, ...args: unknown[]) {
    if (swapped(this, writeHead)) {
      const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
      if (callback) queueMicrotask(callback);
      return true;
    }
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as ServerResponse["write"];

  proto.end = function (this: Patched, ...args: unknown[]) {
    if (swapped(this, writeHead)) {
      const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
      const body = this.__matrixOutageBody!;
      this.__matrixOutageBody = "";
      return (end as (...a: unknown[]) => ServerResponse).call(this, body, callback);
    }
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["end"];
}
