import { DrizzleQueryError } from "drizzle-orm/errors";
import { redactQueryError } from "@/lib/platform/log-redaction";
import { installServerConsole } from "@/lib/platform/server-console";
import { log, requestScopes } from "@/lib/platform/log";

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
  installServerConsole({ json: false });
  console.error(leaky());
  spy.mockRestore();
  const text = printed
    .flat()
    .map((arg) => (arg instanceof Error ? `${arg.message}${arg.stack}` : String(arg)))
    .join("\n");
  expect(text).toContain("Failed query");
  expect(text).not.toContain("taro@example.com");
});

test("in production every console line is JSON with the request it belongs to, and JSON lines pass unchanged", () => {
  const printed: string[] = [];
  const spies = (["info", "warn"] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(String(args[0]))),
  );
  installServerConsole({ json: true });
  requestScopes().run({ requestId: "0123456789abcdef0123", route: "/login" }, () => {
    console.info("\u001b[32m✓\u001b[39m Compiled %s", "/login", leaky());
    log("warn", "mail", "mail.retry", { ids: ["a"] });
  });
  console.info("outside");
  spies.forEach((spy) => spy.mockRestore());
  const [next, ours, outside] = printed.map((line) => JSON.parse(line));
  expect(next).toMatchObject({ level: "info", scope: "next", requestId: "0123456789abcdef0123", route: "/login" });
  expect(next.message).toMatch(/^✓ Compiled \/login/);
  expect(next.message).not.toContain("taro@example.com");
  expect(ours).toMatchObject({ scope: "mail", event: "mail.retry", requestId: "0123456789abcdef0123", ids: ["a"] });
  expect(outside).toMatchObject({ message: "outside", requestId: null, route: null });
});
