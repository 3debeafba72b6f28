/**
 * The fake Resend API as a process, for browser tests and manual runs:
 *
 *   tsx tests/support/fake-resend-server.ts --port 4010 [--host 127.0.0.1] [--rate-limit 5]
 *
 * then start the app with MAIL_TRANSPORT=resend RESEND_API_KEY=re_test
 * RESEND_BASE_URL=http://127.0.0.1:4010. Delivered emails are listed, newest first, at
 * GET /_test/emails?to=<address> (JSON: id, from, to, subject, html, text, createdAt);
 * DELETE /_test/emails forgets them. POST /_test/faults queues faults (a JSON array of Fault from
 * fake-resend.ts, e.g. [{"kind":"status","status":500},{"kind":"drop"}]); GET /_test/requests
 * lists every request received.
 */
import { parseArgs } from "node:util";
import { startFakeResend } from "./fake-resend";

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      "rate-limit": { type: "string" },
      "api-key": { type: "string" },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--port must be a port number");
  const perSecond = values["rate-limit"] === undefined ? undefined : Number(values["rate-limit"]);
  if (perSecond !== undefined && !(perSecond > 0)) throw new Error("--rate-limit must be a positive number");

  const fake = await startFakeResend({
    port,
    host: values.host,
    rateLimit: perSecond ? { perSecond } : undefined,
    apiKey: values["api-key"],
    testRoutes: true,
  });
  console.log(`Fake Resend API listening on ${fake.url} (RESEND_BASE_URL=${fake.url})`);

  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
