/**
 * Queues starting-guide emails in the outbox of the environment's database and prints their
 * recipients as JSON: `tsx tests/reliability/support/queue-emails.ts 150 run-id`.
 */
import { printJsonOf } from "./print-json";
import { randomBytes } from "node:crypto";

async function main() {
  const [count, run] = [Number(process.argv[2] ?? "1"), process.argv[3] ?? "mail"];
  const { getDb, closeDb } = await import("@/db/client");
  const { queueEmails } = await import("@/lib/mail");
  const recipients = Array.from({ length: count }, (_, i) => `rel-${run}-${i}@example.test`);
  await queueEmails(
    await getDb(),
    recipients.map((to, i) => ({
      to,
      template: "starting-guide" as const,
      locale: i % 2 === 0 ? "en" : "ja",
      props: {
        name: `Customer ${i}`,
        link: `https://portal.example/start/${randomBytes(32).toString("base64url")}`,
        expiresAt: "2026-12-01T09:00:00.000Z",
      },
    })),
  );
  await closeDb();
  return recipients;
}

printJsonOf(main);
