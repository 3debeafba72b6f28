import {
  ABSOLUTE_HOURS,
  hasAcceptedCurrentTerms,
  IDLE_MINUTES,
  mustSetUpSecondFactor,
  sessionStillValid,
  type SessionClaims,
  type SessionState,
} from "@/lib/sessions/policy";

import { isSecondFactorSetup, safeReturnPath, secondFactorSetupPath, termsPath } from "@/lib/sessions/return-path";
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const claims = (overrides: Partial<SessionClaims> = {}): SessionClaims => ({
  userId: "7f1c2a64-3c9e-4d4e-9a55-0d7a0c6f2b11",
  role: "customer",
  sessionVersion: 3,
  sessionKey: "session-key",
  signedInAt: NOW - HOUR,
  lastSeenAt: NOW - MINUTE,
  amr: ["matrix"],
  ...overrides,
});

const state = (overrides: Partial<SessionState> = {}): SessionState => ({
  sessionVersion: 3,
  status: "active",
  role: "customer",
  acceptedTermsVersion: 1,
  currentTermsVersion: 1,
  secondFactorRequirement: "inherit",
  hasSecondFactor: false,
  sessionId: "5b0e7c1a-8d3f-4c2e-9f6a-1e2d3c4b5a69",
  sessionLastSeenAt: new Date(NOW - MINUTE),
  authenticatedAt: new Date(NOW - HOUR),
  ...overrides,
});

test("the limits are 30 idle minutes and 12 hours", () => {
  expect(IDLE_MINUTES).toBe(30);
  expect(ABSOLUTE_HOURS).toBe(12);
});

describe("idle limit", () => {
  test.each([
    ["just active", 0, true],
    ["29 minutes idle", 29 * MINUTE, true],
    ["exactly 30 minutes idle", 30 * MINUTE, true],
    ["30 minutes and 1 ms idle", 30 * MINUTE + 1, false],
    ["31 minutes idle", 31 * MINUTE, false],
  ])("%s", (_label, idle, valid) => {
    expect(sessionStillValid(claims({ signedInAt: NOW - 2 * HOUR, lastSeenAt: NOW - idle }), state(), NOW)).toBe(valid);
  });
});

describe("absolute limit", () => {
  test.each([
    ["11 hours 59 minutes after sign-in", 11 * HOUR + 59 * MINUTE, true],
    ["exactly 12 hours after sign-in", 12 * HOUR, true],
    ["12 hours and 1 ms after sign-in", 12 * HOUR + 1, false],
    ["12 hours and 1 s after sign-in", 12 * HOUR + 1000, false],
  ])("%s, with recent activity", (_label, age, valid) => {
    expect(sessionStillValid(claims({ signedInAt: NOW - age, lastSeenAt: NOW - MINUTE }), state(), NOW)).toBe(valid);
  });
});

describe("the database's word", () => {
  test("a matching active account keeps the session", () => {
    expect(sessionStillValid(claims(), state(), NOW)).toBe(true);
  });

  test("an unknown account ends it", () => {
    expect(sessionStillValid(claims(), undefined, NOW)).toBe(false);
  });

  test.each(["disabled", "invited"] as const)("an account with status %s ends it", (status) => {
    expect(sessionStillValid(claims(), state({ status }), NOW)).toBe(false);
  });

  test.each([2, 4])("a session version of %i (not the claimed 3) ends it", (sessionVersion) => {
    expect(sessionStillValid(claims(), state({ sessionVersion }), NOW)).toBe(false);
  });

  test("a changed role ends it, either way", () => {
    expect(sessionStillValid(claims(), state({ role: "operator" }), NOW)).toBe(false);
    expect(sessionStillValid(claims({ role: "operator" }), state({ role: "customer" }), NOW)).toBe(false);
  });

  test("time limits apply even when the database agrees", () => {
    expect(sessionStillValid(claims({ lastSeenAt: NOW - 31 * MINUTE }), state(), NOW)).toBe(false);
  });
});

describe("terms", () => {
  test.each([
    ["accepted the current version", 2, 2, true],
    ["accepted an older version", 1, 2, false],
    ["never accepted", null, 1, false],
    ["accepted a version newer than the current one (withdrawn)", 3, 2, false],
    ["no terms published at all", null, null, true],
  ])("%s", (_label, acceptedTermsVersion, currentTermsVersion, accepted) => {
    expect(hasAcceptedCurrentTerms(state({ acceptedTermsVersion, currentTermsVersion }))).toBe(accepted);
  });
});

describe("return paths", () => {
  test("only same-origin paths are followed after sign-in", () => {
    expect(safeReturnPath("/account/password")).toBe("/account/password");
    for (const foreign of [
      "//evil.example/x",
      "https://evil.example/",
      "/\\evil.example",
      "dashboard",
      42,
      null,
      `/${"a".repeat(600)}`,
    ]) {
      expect(safeReturnPath(foreign)).toBeNull();
    }
  });

  test("the terms page keeps where the user was headed, unless that is the dashboard or elsewhere", () => {
    expect(termsPath("/account/password?step=2")).toBe("/terms?next=%2Faccount%2Fpassword%3Fstep%3D2");
    expect(termsPath("/dashboard")).toBe("/terms");
    expect(termsPath(null)).toBe("/terms");
    expect(termsPath("//evil.example/")).toBe("/terms");
  });
});

describe("second-factor setup gate (policy: operators)", () => {
  test.each([
    ["an operator without a factor", { role: "operator" }, true],
    ["an operator with a factor", { role: "operator", hasSecondFactor: true }, false],
    ["an operator exempted by an operator", { role: "operator", secondFactorRequirement: "not_required" }, false],
    ["a customer without a factor", {}, false],
    ["a customer an operator requires one of", { secondFactorRequirement: "required" }, true],
    ["that customer once they have one", { secondFactorRequirement: "required", hasSecondFactor: true }, false],
  ] as const)("%s: setup needed %s", (_label, overrides, needed) => {
    expect(mustSetUpSecondFactor(state(overrides))).toBe(needed);
  });

  test("the setup page keeps where the user was going, but not a loop back to itself", () => {
    expect(secondFactorSetupPath("/admin/users?q=ken")).toBe("/account/authenticator?next=%2Fadmin%2Fusers%3Fq%3Dken");
    expect(secondFactorSetupPath("/dashboard")).toBe("/account/authenticator");
    expect(secondFactorSetupPath("/account/authenticator?next=%2Fadmin")).toBe("/account/authenticator");
    expect(secondFactorSetupPath("//evil.example/")).toBe("/account/authenticator");
    expect(isSecondFactorSetup("/account/authenticator")).toBe(true);
    expect(isSecondFactorSetup("/account/reauth")).toBe(true);
    expect(isSecondFactorSetup("/account/password")).toBe(false);
  });
});
