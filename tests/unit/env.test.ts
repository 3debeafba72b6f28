import { loadEnv } from "@/env";

const production = {
  NODE_ENV: "production",
  APP_URL: "https://portal.example.com",
  AUTH_SECRET: "x".repeat(44),
  PATTERN_KEY: Buffer.alloc(32, 7).toString("base64"),
} as NodeJS.ProcessEnv;

describe("configuration a deployment cannot get wrong silently", () => {
  test("production refuses to start without its secrets, naming the variable", () => {
    expect(() => loadEnv({ ...production, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET/);
    expect(() => loadEnv({ ...production, PATTERN_KEY: "" })).toThrow(/PATTERN_KEY/);
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
