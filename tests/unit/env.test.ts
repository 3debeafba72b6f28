import { loadEnv } from "@/env";

const production = {
  NODE_ENV: "production",
  APP_URL: "https://portal.example.com",
  AUTH_SECRET: "x".repeat(44),
  PATTERN_KEY: Buffer.alloc(32, 7).toString("base64"),
  ORGANIZATION_NAME: "Example Operations K.K.",
  ORGANIZATION_ADDRESS: "2-2-2 Otemachi, Chiyoda-ku, Tokyo 100-0004, Japan",
  PRIVACY_CONTACT: "privacy@example.co.jp",
} as NodeJS.ProcessEnv;

describe("configuration a deployment cannot get wrong silently", () => {
  test("production refuses to start without its secrets, naming the variable", () => {
    expect(() => loadEnv({ ...production, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET/);
    expect(() => loadEnv({ ...production, PATTERN_KEY: "" })).toThrow(/PATTERN_KEY/);
  });

  test("production refuses to start without the organization that operates the portal (APPI art. 32)", () => {
    const deployed = { ...production, RESEND_API_KEY: "re_x" };
    for (const name of ["ORGANIZATION_NAME", "ORGANIZATION_ADDRESS", "PRIVACY_CONTACT"]) {
      expect(() => loadEnv({ ...deployed, [name]: "" })).toThrow(new RegExp(`${name}: required in production`));
      expect(() => loadEnv({ ...deployed, [name]: "   " })).toThrow(new RegExp(`${name}: required in production`));
    }
    expect(loadEnv(deployed)).toMatchObject({
      ORGANIZATION_NAME: "Example Operations K.K.",
      ORGANIZATION_ADDRESS: "2-2-2 Otemachi, Chiyoda-ku, Tokyo 100-0004, Japan",
      PRIVACY_CONTACT: "privacy@example.co.jp",
    });
  });

  test("development, tests and `next build` get the example organization", () => {
    const bare = { NODE_ENV: "production", NEXT_PHASE: "phase-production-build" } as NodeJS.ProcessEnv;
    for (const source of [{ NODE_ENV: "test" } as NodeJS.ProcessEnv, bare]) {
      expect(loadEnv(source)).toMatchObject({
        ORGANIZATION_NAME: "Matrix Portal Example Co., Ltd.",
        ORGANIZATION_ADDRESS: "1-1-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan",
        PRIVACY_CONTACT: "privacy@matrix-portal.example",
      });
    }
    expect(loadEnv({ NODE_ENV: "test", ORGANIZATION_NAME: "Own K.K." } as NodeJS.ProcessEnv).ORGANIZATION_NAME).toBe(
      "Own K.K.",
    );
  });

  test("production refuses the development mail transport, which keeps links in the database", () => {
    expect(() => loadEnv(production)).toThrow(/RESEND_API_KEY: required in production/);
    expect(() => loadEnv({ ...production, MAIL_TRANSPORT: "outbox", RESEND_API_KEY: "re_x" })).toThrow(
      /MAIL_TRANSPORT=outbox/,
    );
    expect(loadEnv({ ...production, RESEND_API_KEY: "re_x" }).MAIL_TRANSPORT).toBe("resend");
  });

  test("a test clock is refused on an https deployment", () => {
    expect(() => loadEnv({ ...production, RESEND_API_KEY: "re_x", TEST_CLOCK_FILE: "/tmp/clock" })).toThrow(
      /TEST_CLOCK_FILE/,
    );
  });

  test("development and tests may keep emails in the development mailbox", () => {
    expect(loadEnv({ ...production, NODE_ENV: "test" }).MAIL_TRANSPORT).toBe("outbox");
  });
});
