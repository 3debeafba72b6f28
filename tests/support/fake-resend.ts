import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * The one fake Resend API over real HTTP, for jest, Playwright and the bench: `POST /emails` and `POST /emails/batch` as the
 * resend SDK calls them, Idempotency-Key semantics like the real service (same key and
 * payload -> the stored response again and no second delivery; same key, other payload ->
 * 409 invalid_idempotent_request; same key while the first is in flight -> 409
 * concurrent_idempotent_requests), a scriptable fault queue and an optional rate limit.
 */

export type FaultKind =
  /** Answer with this status and a Resend-style JSON error. */
  | { kind: "status"; status: number; name?: string }
  /** Answer 429 rate_limit_exceeded with a Retry-After header. */
  | { kind: "rate-limit"; retryAfterSeconds?: number }
  /** Never answer (the client has to time out). */
  | { kind: "hang" }
  /** Destroy the connection without answering. */
  | { kind: "drop" };

export type Fault = FaultKind & {
  /**
   * Apply the fault after the emails were delivered and the idempotent response stored: the
   * request succeeded but the client never learns it (the case idempotency keys exist for).
   */
  afterDelivery?: boolean;
  /** Only for requests to this path; by default the next request of any kind. */
  path?: "/emails" | "/emails/batch";
};

export type Delivery = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  idempotencyKey: string | null;
  via: "/emails" | "/emails/batch";
  createdAt: string;
};

export type RequestRecord = {
  path: string;
  idempotencyKey: string | null;
  emails: number;
  /** HTTP status answered, "hang" or "drop". */
  outcome: number | "hang" | "drop";
  replayed: boolean;
  /** When it arrived, in milliseconds on the rate limit's clock. */
  at: number;
};

export type FakeResendOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** When set, more than `perSecond` requests within one second get 429 with retry-after. */
  rateLimit?: { perSecond: number };
  /** When set, only this API key is accepted. */
  apiKey?: string;
  /** Milliseconds clock for the rate limit (tests that inject a clock pass the same one). */
  clock?: () => number;
  /** Serve GET /_test/emails?to=<address> (delivered emails as JSON) for browser tests. */
  testRoutes?: boolean;
};

export type FakeResend = {
  /** Base URL for the SDK (RESEND_BASE_URL / `new Resend(key, { baseUrl })`). */
  url: string;
  port: number;
  /** Emails delivered so far, oldest first. */
  deliveries(): Delivery[];
  /** Every request received, oldest first. */
  requests(): RequestRecord[];
  /** Queues faults; each is used once, by the next matching request. */
  fail(...faults: Fault[]): void;
  /** Faults not used yet. */
  pendingFaults(): number;
  /** Forgets deliveries, requests, faults and idempotency keys. */
  reset(): void;
  close(): Promise<void>;
};

type Stored =
  { fingerprint: string; state: "in-flight" } | { fingerprint: string; state: "done"; status: number; body: unknown };

type EmailInput = { from?: unknown; to?: unknown; subject?: unknown; html?: unknown; text?: unknown };

const MAX_BODY_BYTES = 10 * 1024 * 1024;

function errorBody(statusCode: number, name: string, message: string) {
  return { statusCode, name, message };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function validateEmail(input: EmailInput): string | null {
  if (typeof input !== "object" || input === null) return "Each email must be an object";
  if (typeof input.from !== "string" || input.from.length === 0) return "Missing `from` field.";
  const to = typeof input.to === "string" ? [input.to] : input.to;
  if (
    !Array.isArray(to) ||
    to.length === 0 ||
    to.length > 50 ||
    !to.every((a) => typeof a === "string" && /^[^\s@]+@[^\s@]+$/.test(a.replace(/^.*<(.*)>$/, "$1")))
  ) {
    return "Invalid `to` field.";
  }
  if (typeof input.subject !== "string" || input.subject.length === 0) return "Missing `subject` field.";
  if (typeof input.html !== "string" && typeof input.text !== "string") return "Missing `html` or `text` field.";
  return null;
}

export async function startFakeResend(options: FakeResendOptions = {}): Promise<FakeResend> {
  let deliveries: Delivery[] = [];
  let requests: RequestRecord[] = [];
  let faults: Fault[] = [];
  let idempotency = new Map<string, Stored>();
  const recent: number[] = [];
  const sockets = new Set<Socket>();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const takeFault = (path: string): Fault | undefined => {
    const index = faults.findIndex((f) => f.path === undefined || f.path === path);
    return index < 0 ? undefined : faults.splice(index, 1)[0];
  };

  /** Applies a fault; returns the outcome recorded for the request. */
  const applyFault = (fault: Fault, req: IncomingMessage, res: ServerResponse): RequestRecord["outcome"] => {
    switch (fault.kind) {
      case "status":
        send(
          res,
          fault.status,
          errorBody(
            fault.status,
            fault.name ?? (fault.status >= 500 ? "internal_server_error" : "application_error"),
            "Injected fault",
          ),
        );
        return fault.status;
      case "rate-limit":
        send(res, 429, errorBody(429, "rate_limit_exceeded", "Too many requests. Please slow down."), {
          "retry-after": String(fault.retryAfterSeconds ?? 1),
        });
        return 429;
      case "hang":
        return "hang";
      case "drop":
        req.socket.destroy();
        return "drop";
    }
  };

  const deliver = (emails: EmailInput[], key: string | null, via: Delivery["via"]): string[] =>
    emails.map((email) => {
      const id = randomUUID();
      deliveries.push({
        id,
        from: String(email.from),
        to: typeof email.to === "string" ? [email.to] : (email.to as string[]),
        subject: String(email.subject),
        html: typeof email.html === "string" ? email.html : null,
        text: typeof email.text === "string" ? email.text : null,
        idempotencyKey: key,
        via,
        createdAt: new Date().toISOString(),
      });
      return id;
    });

  const handleSend = async (req: IncomingMessage, res: ServerResponse, path: "/emails" | "/emails/batch") => {
    const key = req.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" ? key : null;
    const record: RequestRecord = {
      path,
      idempotencyKey,
      emails: 0,
      outcome: 200,
      replayed: false,
      at: (options.clock ?? Date.now)(),
    };
    requests.push(record);
    const raw = await readBody(req);

    const auth = req.headers.authorization;
    if (!auth?.startsWith("Bearer ") || auth.length <= "Bearer ".length) {
      record.outcome = 401;
      return send(res, 401, errorBody(401, "missing_api_key", "Missing API key in the authorization header."));
    }
    if (options.apiKey && auth !== `Bearer ${options.apiKey}`) {
      record.outcome = 403;
      return send(res, 403, errorBody(403, "invalid_api_key", "API key is invalid."));
    }

    if (options.rateLimit) {
      const now = (options.clock ?? Date.now)();
      while (recent.length > 0 && recent[0]! <= now - 1000) recent.shift();
      if (recent.length >= options.rateLimit.perSecond) {
        record.outcome = 429;
        return send(res, 429, errorBody(429, "rate_limit_exceeded", "Too many requests."), { "retry-after": "1" });
      }
      recent.push(now);
    }

    const fault = takeFault(path);
    if (fault && !fault.afterDelivery) {
      record.outcome = applyFault(fault, req, res);
      return;
    }

    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      record.outcome = 400;
      return send(res, 400, errorBody(400, "validation_error", "Invalid JSON body."));
    }
    const emails = (path === "/emails" ? [payload] : payload) as EmailInput[];
    record.emails = Array.isArray(emails) ? emails.length : 0;

    const fingerprint = createHash("sha256").update(path).update("\0").update(raw).digest("hex");
    if (idempotencyKey !== null) {
      if (idempotencyKey.length === 0 || idempotencyKey.length > 256) {
        record.outcome = 400;
        return send(res, 400, errorBody(400, "invalid_idempotency_key", "The key must be between 1-256 chars."));
      }
      const stored = idempotency.get(idempotencyKey);
      if (stored && stored.fingerprint !== fingerprint) {
        record.outcome = 409;
        return send(
          res,
          409,
          errorBody(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload."),
        );
      }
      if (stored?.state === "in-flight") {
        record.outcome = 409;
        return send(
          res,
          409,
          errorBody(
            409,
            "concurrent_idempotent_requests",
            "Same idempotency key used while original request is still in progress.",
          ),
        );
      }
      if (stored?.state === "done") {
        record.replayed = true;
        if (fault) {
          record.outcome = applyFault(fault, req, res);
          return;
        }
        record.outcome = stored.status;
        return send(res, stored.status, stored.body);
      }
      idempotency.set(idempotencyKey, { fingerprint, state: "in-flight" });
    }

    const problem = !Array.isArray(emails)
      ? "The batch must be an array."
      : emails.length === 0 || emails.length > 100
        ? "The batch must contain 1 to 100 emails."
        : emails.map(validateEmail).find((p) => p !== null);
    if (problem) {
      if (idempotencyKey !== null) idempotency.delete(idempotencyKey);
      record.outcome = 422;
      return send(res, 422, errorBody(422, "validation_error", problem));
    }

    const ids = deliver(emails, idempotencyKey, path);
    const body = path === "/emails" ? { id: ids[0] } : { data: ids.map((id) => ({ id })) };
    if (idempotencyKey !== null) idempotency.set(idempotencyKey, { fingerprint, state: "done", status: 200, body });
    if (fault) {
      record.outcome = applyFault(fault, req, res);
      return;
    }
    send(res, 200, body);
  };

  const handleTestEmails = (url: URL, res: ServerResponse) => {
    const to = url.searchParams.get("to")?.toLowerCase();
    const list = deliveries
      .filter((d) => !to || d.to.some((address) => address.toLowerCase() === to))
      .map(({ id, from, to: recipients, subject, html, text, createdAt }) => ({
        id,
        from,
        to: recipients,
        subject,
        html,
        text,
        createdAt,
      }))
      .reverse();
    send(res, 200, list);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake-resend.local");
    const route = `${req.method} ${url.pathname}`;
    const handle = async () => {
      if (route === "POST /emails") return handleSend(req, res, "/emails");
      if (route === "POST /emails/batch") return handleSend(req, res, "/emails/batch");
      if (options.testRoutes && route === "GET /_test/emails") return handleTestEmails(url, res);
      if (options.testRoutes && route === "POST /_test/faults") {
        // Fault injection for a fake running as its own process: a JSON array of Fault.
        const more = JSON.parse(await readBody(req)) as Fault[];
        if (!Array.isArray(more))
          return send(res, 400, errorBody(400, "validation_error", "Expected an array of faults"));
        faults.push(...more);
        return send(res, 200, { pending: faults.length });
      }
      if (options.testRoutes && route === "GET /_test/requests") return send(res, 200, requests);
      if (options.testRoutes && route === "DELETE /_test/emails") {
        deliveries = [];
        return send(res, 200, { ok: true });
      }
      send(res, 404, errorBody(404, "not_found", "The requested endpoint does not exist."));
    };
    handle().catch(() => {
      if (!res.headersSent) send(res, 500, errorBody(500, "internal_server_error", "Fake server error"));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    deliveries: () => deliveries.map((d) => ({ ...d, to: [...d.to] })),
    requests: () => requests.map((r) => ({ ...r })),
    fail: (...more) => {
      faults.push(...more);
    },
    pendingFaults: () => faults.length,
    reset: () => {
      deliveries = [];
      requests = [];
      faults = [];
      idempotency = new Map();
      recent.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
