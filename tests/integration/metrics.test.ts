import { closeDb } from "@/db/client";
import { answerChallenge, issueChallenge } from "@/lib/login";
import { metricsExposition } from "@/lib/metrics";
import { GET } from "@/app/api/metrics/route";
import { testContext } from "../support/people";

afterAll(() => closeDb());

/** The value of one series in the Prometheus text, 0 when it is not there yet. */
async function sample(series: string): Promise<number> {
  const { body } = await metricsExposition();
  const line = body.split("\n").find((text) => text.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test("a decoy sign-in moves the challenge and outcome counters, and the outbox gauges are exported", async () => {
  const before = {
    challenges: await sample("portal_challenges_issued_total"),
    decoys: await sample('portal_sign_ins_total{outcome="decoy"}'),
  };
  const { challengeId } = await issueChallenge("nobody-here@example.com", testContext());
  await answerChallenge(challengeId, "12345678", testContext());
  expect(await sample("portal_challenges_issued_total")).toBe(before.challenges + 1);
  expect(await sample('portal_sign_ins_total{outcome="decoy"}')).toBe(before.decoys + 1);
  const { body, contentType } = await metricsExposition();
  expect(contentType).toMatch(/^text\/plain/);
  expect(body).toMatch(/^portal_outbox_pending \d+$/m);
  expect(body).toMatch(/^portal_outbox_oldest_pending_seconds \d+$/m);
  expect(body).toMatch(/^process_cpu_user_seconds_total /m);
  // Labels are fixed words: no address or email ever becomes a series.
  expect(body).not.toContain("nobody-here@example.com");
});

test("without METRICS_TOKEN the endpoint does not exist", async () => {
  const response = await GET(new Request("http://localhost/api/metrics", { headers: { authorization: "Bearer x" } }));
  expect(response.status).toBe(404);
});
