import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";

/**
 * A fake Resend API with the provider's limits, for the mail dispatch bench: `POST /emails`
 * and `POST /emails/batch`, at most `perSecond` accepted requests in any rolling second
 * (429 rate_limit_exceeded with Retry-After beyond) and at most 100 emails per batch (422).
 * Idempotency-Key replays answer the stored response without delivering again. Deliveries
 * are counted per recipient so the bench can prove none was lost or duplicated.
 */
export type ProviderStats = {
  accepted: number;
  rateLimited: number;
  replayed: number;
  rejected: number;
  firstAt: number | null;
  lastAt: number | null;
};

const noStats = (): ProviderStats => ({ accepted: 0, rateLimited: 0, replayed: 0, rejected: 0, firstAt: null, lastAt: null });

export type BenchResend = {
  url: string;
  deliveries: Map<string, number>;
  stats: ProviderStats;
  reset(): void;
  close(): Promise<void>;
};

type EmailInput = { to?: string | string[] };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startBenchResend(options: {
  port: number;
  perSecond: number;
  maxBatch?: number;
}): Promise<BenchResend> {
  const maxBatch = options.maxBatch ?? 100;
  const deliveries = new Map<string, number>();
  const stats = noStats();
  const stored = new Map<string, unknown>();
  let recent: number[] = [];

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (
      req.method !== "POST" ||
      (path !== "/emails" && path !== "/emails/batch")
    )
      return send(res, 404, {
        statusCode: 404,
        name: "not_found",
        message: "Not found",
      });
    const raw = await readBody(req);
    const now = Date.now();
    recent = recent.filter((at) => at > now - 1000);
    if (recent.length >= options.perSecond) {
      stats.rateLimited++;
      const waitSeconds = Math.max(
        1,
        Math.ceil((recent[0]! + 1000 - now) / 1000),
      );
      return send(
        res,
        429,
        {
          statusCode: 429,
          name: "rate_limit_exceeded",
          message: "Too many requests.",
        },
        { "retry-after": String(waitSeconds) },
      );
    }
    recent.push(now);
    const key =
      typeof req.headers["idempotency-key"] === "string"
        ? req.headers["idempotency-key"]
        : null;
    if (key && stored.has(key)) {
      stats.replayed++;
      return send(res, 200, stored.get(key));
    }
    let emails: EmailInput[];
    try {
      const parsed = JSON.parse(raw) as EmailInput | EmailInput[];
      emails =
        path === "/emails" ? [parsed as EmailInput] : (parsed as EmailInput[]);
    } catch {
      stats.rejected++;
      return send(res, 400, {
        statusCode: 400,
        name: "validation_error",
        message: "Invalid JSON body.",
      });
    }
    if (
      !Array.isArray(emails) ||
      emails.length === 0 ||
      emails.length > maxBatch
    ) {
      stats.rejected++;
      return send(res, 422, {
        statusCode: 422,
        name: "validation_error",
        message: `The batch must contain 1 to ${maxBatch} emails.`,
      });
    }
    const ids = emails.map((email) => {
      for (const to of Array.isArray(email.to) ? email.to : [email.to ?? ""])
        deliveries.set(to, (deliveries.get(to) ?? 0) + 1);
      return { id: randomUUID() };
    });
    stats.accepted++;
    stats.firstAt ??= now;
    stats.lastAt = now;
    const body = path === "/emails" ? ids[0] : { data: ids };
    if (key) stored.set(key, body);
    send(res, 200, body);
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port, "127.0.0.1", resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    stats,
    reset() {
      deliveries.clear();
      stored.clear();
      recent = [];
      Object.assign(stats, noStats());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
