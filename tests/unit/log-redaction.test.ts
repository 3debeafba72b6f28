import { DrizzleQueryError } from "drizzle-orm/errors";
import { installLogRedaction, redactQueryError } from "@/lib/platform/log-redaction";

const leaky = () =>
  new DrizzleQueryError(
    'select * from "users" where lower("email") = lower($1)',
    ["taro@example.com", "0312345678"],
    new Error("ECONNREFUSED"),
  );

test("a failed query's parameters are cut from its message and stack, the query is kept", () => {
  const error = leaky();
  expect(error.message).toContain("taro@example.com");
  redactQueryError(error);
  expect(`${error.message}\n${error.stack}\n${JSON.stringify(error.params)}`).not.toMatch(
    /taro@example\.com|0312345678/,
  );
  expect(error.message).toContain('lower("email")');
});

test("wrapped query errors are found through their cause", () => {
  const error = new Error("render failed", { cause: leaky() });
  redactQueryError(error);
  expect((error.cause as Error).message).not.toContain("taro@example.com");
});

test("once installed, console.error never prints the parameters", () => {
  const printed: unknown[][] = [];
  const spy = jest.spyOn(console, "error").mockImplementation((...args) => void printed.push(args));
  installLogRedaction();
  console.error(leaky());
  spy.mockRestore();
  const text = printed
    .flat()
    .map((arg) => (arg instanceof Error ? `${arg.message}${arg.stack}` : String(arg)))
    .join("\n");
  expect(text).toContain("Failed query");
  expect(text).not.toContain("taro@example.com");
});
