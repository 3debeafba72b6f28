import { ServerResponse } from "node:http";
import { databaseOutageSuspected } from "@/db/availability";
import { unavailableHeaders, unavailablePage } from "./unavailable";

/**
 * A request already past the proxy when the database goes away fails inside Next, which can
 * only answer 500 (its error statuses are 401/403/404 and redirects). While an outage is known
 * (db/availability), this turns such a 500 into the same 503 "temporarily unavailable" page the
 * proxy serves, so a visitor never sees "Internal Server Error" for a database restart.
 * Installed once per server process by instrumentation.ts; other responses are untouched.
 */
export function installOutageResponses(): void {
  const marker = globalThis as unknown as { __matrixOutageResponses?: boolean };
  if (marker.__matrixOutageResponses) return;
  marker.__matrixOutageResponses = true;

  const writeHead = ServerResponse.prototype.writeHead;
  ServerResponse.prototype.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode !== 500 || !databaseOutageSuspected()) return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
    const request = this.req;
    const body = unavailablePage({
      cookie: request?.headers.cookie,
      acceptLanguage: request?.headers["accept-language"],
      path: request?.url ? new URL(request.url, "http://localhost").pathname : "/",
    });
    for (const name of this.getHeaderNames()) if (!/^(strict-transport-security|x-content-type-options|x-frame-options|referrer-policy|permissions-policy)$/i.test(name)) this.removeHeader(name);
    const headers = { ...unavailableHeaders, "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'", "Content-Length": String(Buffer.byteLength(body)) };
    writeHead.call(this, 503, headers);
    // Next's own body (an error page or "Internal Server Error") is dropped for ours.
    const end = this.end.bind(this);
    this.write = (() => true) as ServerResponse["write"];
    this.end = ((...args: unknown[]) => {
      const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
      return end(body, callback);
    }) as ServerResponse["end"];
    return this;
  } as ServerResponse["writeHead"];
}
