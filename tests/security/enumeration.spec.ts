import { randomInt } from "node:crypto";
import { expect, test } from "../e2e/support/test";
import { createUser, newCustomer, onboard, PATTERN } from "../e2e/support/portal";
import { comparableHtml, cookieShapes, median, newClient, responseShape, timed } from "./support/http";
import { disableUser, signedInOperator } from "./support/operator";
import { attemptSignIn, enterEmail, readPortalForms, requestResend, sendAnswer } from "./support/sign-in-http";

const SAMPLES = 200;
const KINDS = ["active", "unknown", "invited", "disabled", "locked"] as const;
type Kind = (typeof KINDS)[number];
type Step = "email entry" | "answer" | "resend";

const randomCode = () => Array.from({ length: PATTERN.length }, () => randomInt(10)).join("");

test("active, unknown, invited, disabled and locked addresses look alike and take as long at email entry, answer and resend", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(20 * 60_000);
  const customerPage = await (await browser.newContext({ baseURL })).newPage();
  const actives = [
    await onboard(customerPage, PATTERN),
    await onboard(customerPage, PATTERN),
    await onboard(customerPage, PATTERN),
  ];
  const disabled = await onboard(customerPage, PATTERN);
  const locked = await onboard(customerPage, PATTERN);
  const invited = newCustomer();
  await createUser(invited);
  const operatorPage = await (await browser.newContext({ baseURL })).newPage();
  await signedInOperator(operatorPage);
  await disableUser(operatorPage, disabled.email);
  const forms = await readPortalForms(baseURL!, actives[0]!.email);

  // Lock one account for good: 100 wrong answers, after which only an operator can unlock it.
  for (let i = 0; i < 100; i++) await attemptSignIn(baseURL!, forms, locked.email, PATTERN, false);
  // While locked, the right code and a wrong one get byte-identical answers.
  const whileLocked = [
    await attemptSignIn(baseURL!, forms, locked.email, PATTERN, true),
    await attemptSignIn(baseURL!, forms, locked.email, PATTERN, false),
  ];
  expect(whileLocked[0]).toBe(whileLocked[1]);
  expect(JSON.parse(whileLocked[0]!).location).toBe("/login/challenge?retry=1");
  test.info().annotations.push({
    type: "figure",
    description:
      "locked account: right code and wrong code answers byte-identical (status, Location, Set-Cookie names, body)",
  });

  const addressOf: Record<Exclude<Kind, "active">, string> = {
    unknown: `nobody-${Date.now()}@example.com`,
    invited: invited.email,
    disabled: disabled.email,
    locked: locked.email,
  };
  const failuresOf = actives.map(() => 0);
  const times: Record<Step, Record<Kind, number[]>> = {
    "email entry": Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as Record<Kind, number[]>,
    answer: Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as Record<Kind, number[]>,
    resend: Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as Record<Kind, number[]>,
  };
  // Per round and step, the response shapes of the five kinds: they must all be one.
  const differing: string[] = [];
  const pages = new Set<string>();

  // One visitor per kind, each request from a fresh address: the previous challenge cookie
  // (voided by the next entry) is the same for every kind.
  const clients = Object.fromEntries(
    await Promise.all(KINDS.map(async (kind) => [kind, await newClient(baseURL!)] as const)),
  ) as Record<Kind, Awaited<ReturnType<typeof newClient>>>;
  for (let round = 0; round < SAMPLES; round++) {
    // A different order each round, so drift in the machine's speed falls on every kind alike.
    const order = [...KINDS].sort(() => randomInt(3) - 1);
    const roundShapes: Record<Step, Set<string>> = { "email entry": new Set(), answer: new Set(), resend: new Set() };
    for (const kind of order) {
      const active = round % actives.length;
      const address = kind === "active" ? actives[active]!.email : addressOf[kind];
      const client = clients[kind];
      const entry = await timed(() => enterEmail(client, forms, address));
      if (round < 2) pages.add(comparableHtml(await (await client.get("/login/challenge")).text()));
      const answer = await timed(() => sendAnswer(client, forms, randomCode()));
      const resend = await timed(() => requestResend(client, forms, address));
      times["email entry"][kind].push(entry.ms);
      times.answer[kind].push(answer.ms);
      times.resend[kind].push(resend.ms);
      roundShapes["email entry"].add(await responseShape(entry.result));
      roundShapes.answer.add(await responseShape(answer.result));
      roundShapes.resend.add(
        `${resend.result.status()} ${cookieShapes(resend.result).join()} ${comparableHtml(await resend.result.text(), address)}`,
      );
      if (kind === "active" && ++failuresOf[active]! % 4 === 0) {
        // Keep the active accounts active: a right answer ends the run of failures before a lock.
        expect(JSON.parse(await attemptSignIn(baseURL!, forms, address, PATTERN, true)).location).not.toContain(
          "retry",
        );
      }
    }
    for (const step of Object.keys(roundShapes) as Step[])
      if (roundShapes[step].size !== 1) differing.push(`round ${round}, ${step}`);
  }

  // Medians of the per-round differences from the active account: the kinds were measured
  // side by side, so a slow moment of the machine cancels out.
  const figures: string[] = [];
  const gaps: number[] = [];
  for (const step of Object.keys(times) as Step[]) {
    const medians = KINDS.map((kind) => median(times[step][kind]));
    const paired = KINDS.slice(1).map((kind) =>
      median(times[step][kind].map((ms, round) => ms - times[step].active[round]!)),
    );
    gaps.push(...paired.map(Math.abs));
    figures.push(
      `${step}: medians ${KINDS.map((k, i) => `${k} ${medians[i]!.toFixed(1)}`).join(", ")} ms; median difference from active ` +
        `${KINDS.slice(1)
          .map((k, i) => `${k} ${paired[i]! >= 0 ? "+" : ""}${paired[i]!.toFixed(1)}`)
          .join(", ")} ms (${SAMPLES} samples each)`,
    );
  }
  for (const figure of figures) console.log(`  [figure] enumeration ${figure}`);
  expect(differing, "rounds in which the kinds' responses differed").toEqual([]);
  expect(pages.size, "challenge pages after removing digits and nonces").toBe(1);
  expect(Math.max(...gaps), figures.join("\n")).toBeLessThan(5);
});
