import { fillTermsPlaceholders, TERMS_PLACEHOLDERS } from "@/lib/terms/placeholders";

const organization = {
  name: "Example Operations K.K.",
  address: "2-2-2 Otemachi, Chiyoda-ku, Tokyo 100-0004, Japan",
  privacyContact: "Privacy desk, privacy@example.co.jp, 03-1234-5678",
};

describe("terms placeholders", () => {
  test("the three tokens become the configured organization, wherever and however often they stand", () => {
    expect(
      fillTermsPlaceholders(
        '{organization} ("we"), {organizationAddress}.\nRequests: {privacyContact}.\n{organization}{organization}',
        organization,
      ),
    ).toBe(
      'Example Operations K.K. ("we"), 2-2-2 Otemachi, Chiyoda-ku, Tokyo 100-0004, Japan.\n' +
        "Requests: Privacy desk, privacy@example.co.jp, 03-1234-5678.\nExample Operations K.K.Example Operations K.K.",
    );
    expect(fillTermsPlaceholders("第1条（定義）\n{organization}（以下「当社」）", organization)).toBe(
      "第1条（定義）\nExample Operations K.K.（以下「当社」）",
    );
  });

  test("any other brace text stays as written", () => {
    const literal =
      "{Organization} { organization } {organization_address} {{organization} {privacy} {version} {} {organizationAddress";
    expect(fillTermsPlaceholders(literal, organization)).toBe(
      "{Organization} { organization } {organization_address} {Example Operations K.K. {privacy} {version} {} {organizationAddress",
    );
    expect(fillTermsPlaceholders("No tokens here.", organization)).toBe("No tokens here.");
  });

  test("values are inserted literally, in one pass", () => {
    const tricky = { name: "$& {privacyContact} $1", address: "$`", privacyContact: "{organization}" };
    expect(fillTermsPlaceholders("{organization} | {organizationAddress} | {privacyContact}", tricky)).toBe(
      "$& {privacyContact} $1 | $` | {organization}",
    );
  });

  test("the listed tokens are exactly the ones replaced", () => {
    for (const token of Object.values(TERMS_PLACEHOLDERS)) {
      expect(fillTermsPlaceholders(token, organization)).not.toContain("{");
    }
  });
});
