import { closeDb } from "@/db/client";
import { resendStartingGuide } from "@/lib/admin";
import {
  confirmPattern,
  isStartingGuideUsable,
  registerUser,
  requestStartingGuide,
  saveDraft,
  verifyIdentity,
} from "@/lib/onboarding";
import { ONBOARDING_SESSION_MINUTES } from "@/lib/onboarding/verify";
import { latestGuide } from "../support/guide";
import { newPerson, STRONG_PATTERN, testContext, tokenOf } from "../support/people";

/**
 * The self-service "I didn't get the email" form needs only an address, so anyone can send it.
 * It must not end the onboarding of a customer who has verified their identity and is choosing
 * their pattern; a link nobody is using is voided as before.
 */

afterAll(() => closeDb());

const MINUTE = 60_000;

async function verifiedCustomer(now = new Date()) {
  const person = newPerson();
  const registered = await registerUser(person, testContext(now));
  if (!registered.ok) throw new Error(JSON.stringify(registered.fieldErrors));
  const verified = await verifyIdentity(tokenOf(registered.link), person, testContext(now));
  if (!verified.ok) throw new Error(JSON.stringify(verified));
  return { person, userId: registered.userId, link: registered.link, sessionId: verified.sessionId };
}

test("a customer on /start/pattern can still confirm after someone asks for a new link for their address", async () => {
  const opened = new Date();
  const customer = await verifiedCustomer(opened);
  expect(await saveDraft(customer.sessionId, STRONG_PATTERN, opened)).toEqual({ ok: true });

  await requestStartingGuide(customer.person.email, testContext(new Date(opened.getTime() + MINUTE)));
  const { link: newLink } = await latestGuide(customer.userId);
  expect(newLink).not.toBe(customer.link);

  expect(await confirmPattern(customer.sessionId, testContext(new Date(opened.getTime() + 2 * MINUTE)))).toEqual({
    ok: true,
    userId: customer.userId,
  });
  // The onboarding is over: neither link starts another.
  expect(await isStartingGuideUsable(tokenOf(customer.link), new Date(opened.getTime() + 3 * MINUTE))).toBe(false);
  expect(await isStartingGuideUsable(tokenOf(newLink), new Date(opened.getTime() + 3 * MINUTE))).toBe(false);
});

test("the spared link works only until its onboarding session ends; the new link works after", async () => {
  const opened = new Date();
  const customer = await verifiedCustomer(opened);
  await requestStartingGuide(customer.person.email, testContext(new Date(opened.getTime() + MINUTE)));
  const { link: newLink } = await latestGuide(customer.userId);
  const sessionEnd = opened.getTime() + ONBOARDING_SESSION_MINUTES * MINUTE;

  expect(await isStartingGuideUsable(tokenOf(customer.link), new Date(sessionEnd - 1_000))).toBe(true);
  expect(await saveDraft(customer.sessionId, STRONG_PATTERN, new Date(sessionEnd - 1_000))).toEqual({ ok: true });
  expect(await isStartingGuideUsable(tokenOf(customer.link), new Date(sessionEnd + 1_000))).toBe(false);
  expect((await verifyIdentity(tokenOf(newLink), customer.person, testContext(new Date(sessionEnd + 1_000)))).ok).toBe(
    true,
  );
});

test("a link without a live onboarding session is voided by a resend, as before", async () => {
  const person = newPerson();
  const registered = await registerUser(person, testContext());
  if (!registered.ok) throw new Error(JSON.stringify(registered.fieldErrors));
  await requestStartingGuide(person.email, testContext());
  expect(await isStartingGuideUsable(tokenOf(registered.link), new Date())).toBe(false);
  expect(await isStartingGuideUsable(tokenOf((await latestGuide(registered.userId)).link), new Date())).toBe(true);
});

test("an operator's resend still ends an onboarding in progress", async () => {
  const customer = await verifiedCustomer();
  expect(await saveDraft(customer.sessionId, STRONG_PATTERN, new Date())).toEqual({ ok: true });
  const op = await registerUser({ ...newPerson(), role: "operator" }, testContext());
  if (!op.ok) throw new Error(JSON.stringify(op.fieldErrors));
  expect(await resendStartingGuide(customer.userId, op.userId, testContext())).toEqual({ ok: true });
  expect(await confirmPattern(customer.sessionId, testContext())).toEqual({ ok: false, error: "session-expired" });
});
