import { closeDb } from "@/db/client";
import {
  beginSecondFactor,
  completeSecondFactor,
  remainingRecoveryCodes,
  redeemRecoveryCode,
  verifyTotp,
} from "@/lib/second-factor";
import { reportFigure } from "../security/support/report";
import { auditCount } from "../support/audit";
import { authenticatorAppRow, totpCode, userWithAuthenticatorApp } from "../support/second-factor";
import { loginContext, onboardedUser } from "../support/sign-in";

/**
 * Each single-use thing of the second factor, used by 50 requests at once: exactly one wins.
 * On PostgreSQL (CI) the requests really overlap; each is one atomic UPDATE … WHERE … RETURNING.
 */

const RACERS = 50;

afterAll(() => closeDb());

function race<T>(call: () => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: RACERS }, call));
}

test(`of ${RACERS} concurrent completions of one pending sign-in exactly one gets the user`, async () => {
  const { userId } = await onboardedUser();
  const { token } = await beginSecondFactor(userId, loginContext());
  const results = await race(() => completeSecondFactor(token));
  const winners = results.filter((result) => result === userId).length;
  reportFigure(`pending sign-in race: ${winners}/${RACERS} completed`);
  expect(winners).toBe(1);
  expect(results.filter((result) => result === null)).toHaveLength(RACERS - 1);
});

test(`of ${RACERS} concurrent uses of one recovery code exactly one is accepted`, async () => {
  const { userId, recoveryCodes } = await userWithAuthenticatorApp();
  const results = await race(() => redeemRecoveryCode(userId, recoveryCodes[3], loginContext()));
  const winners = results.filter(Boolean).length;
  reportFigure(`recovery code race: ${winners}/${RACERS} accepted`);
  expect(winners).toBe(1);
  expect(await remainingRecoveryCodes(userId)).toBe(9);
  expect(await auditCount("second_factor.recovery_code_used", userId)).toBe(1);
});

test(`of ${RACERS} concurrent checks of one authenticator code exactly one is accepted`, async () => {
  const at = new Date(Date.now() + 10 * 60_000);
  const { userId, secret } = await userWithAuthenticatorApp(new Date(at.getTime() - 5 * 60_000));
  const code = totpCode(secret, at);
  const results = await race(() => verifyTotp(userId, code, at));
  const winners = results.filter(Boolean).length;
  reportFigure(`authenticator code race: ${winners}/${RACERS} accepted`);
  expect(winners).toBe(1);
  expect((await authenticatorAppRow(userId))!.lastAcceptedStep).toBe(Math.floor(at.getTime() / 30_000));
});
