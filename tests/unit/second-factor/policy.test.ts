import type { Role, SecondFactorRequirement } from "@/db/schema";
import { secondFactorRequired, type SecondFactorPolicy } from "@/lib/second-factor/policy";
import { passkeyName } from "@/lib/second-factor/webauthn";
import { mayRemoveMethod } from "@/lib/second-factor/methods";

// Every policy × role × override: the override wins; "inherit" follows the policy for the role.
const CASES: [SecondFactorPolicy, Role, SecondFactorRequirement, boolean][] = [
  ["optional", "customer", "inherit", false],
  ["optional", "operator", "inherit", false],
  ["optional", "customer", "required", true],
  ["optional", "operator", "required", true],
  ["optional", "customer", "not_required", false],
  ["optional", "operator", "not_required", false],
  ["operators", "customer", "inherit", false],
  ["operators", "operator", "inherit", true],
  ["operators", "customer", "required", true],
  ["operators", "operator", "required", true],
  ["operators", "customer", "not_required", false],
  ["operators", "operator", "not_required", false],
  ["everyone", "customer", "inherit", true],
  ["everyone", "operator", "inherit", true],
  ["everyone", "customer", "required", true],
  ["everyone", "operator", "required", true],
  ["everyone", "customer", "not_required", false],
  ["everyone", "operator", "not_required", false],
];

test.each(CASES)("policy %s, %s, override %s: required = %s", (policy, role, secondFactorRequirement, required) => {
  expect(secondFactorRequired({ role, secondFactorRequirement }, policy)).toBe(required);
});

test("without a policy argument the setting applies (default: operators)", () => {
  expect(secondFactorRequired({ role: "operator", secondFactorRequirement: "inherit" })).toBe(true);
  expect(secondFactorRequired({ role: "customer", secondFactorRequirement: "inherit" })).toBe(false);
});

describe("passkey names", () => {
  test.each([
    ["Work laptop", "Work laptop"],
    ["  iPhone   15  ", "iPhone 15"],
    ["会社のＰＣ", "会社のPC"],
    ["👩‍💻 YubiKey", "👩‍💻 YubiKey"],
    ["x".repeat(64), "x".repeat(64)],
  ])("%j is kept as %j", (typed, name) => {
    expect(passkeyName(typed)).toBe(name);
  });

  test.each(["", "   ", "x".repeat(65), "tab\u0007bell", "evil\u202Etxt.exe", 42, null])("%j is refused", (typed) => {
    expect(passkeyName(typed)).toBeNull();
  });
});

describe("removing a method", () => {
  const status = (required: boolean, passkeys: number, authenticatorApp: boolean) => ({
    required,
    requirement: "inherit" as const,
    methods: { passkeys, authenticatorApp, recoveryCodes: 10, enrolled: passkeys > 0 || authenticatorApp },
  });
  test.each([
    ["not required, only an app", status(false, 0, true), true],
    ["required, only an app", status(true, 0, true), false],
    ["required, only one passkey", status(true, 1, false), false],
    ["required, a passkey and an app", status(true, 1, true), true],
    ["required, two passkeys", status(true, 2, false), true],
  ])("%s", (_label, given, allowed) => {
    expect(mayRemoveMethod(given)).toBe(allowed);
  });
});
