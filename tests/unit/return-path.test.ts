import { safeReturnPath, termsPath } from "@/lib/sessions/return-path";
import { FOREIGN_RETURN_PATHS, OWN_RETURN_PATHS } from "../support/redirect-vectors";

describe("return paths after sign-in (open redirect)", () => {
  test.each(FOREIGN_RETURN_PATHS.map((value) => [JSON.stringify(value).slice(0, 60), value]))(
    "refuses %s",
    (_label, value) => {
      expect(safeReturnPath(value)).toBeNull();
      expect(termsPath(value)).toBe("/terms");
    },
  );

  test.each(OWN_RETURN_PATHS)("keeps %s as %s", (value, kept) => {
    expect(safeReturnPath(value)).toBe(kept);
  });

  test("refuses what is not a string", () => {
    for (const value of [42, null, undefined, ["/dashboard"], { toString: () => "/dashboard" }])
      expect(safeReturnPath(value)).toBeNull();
  });

  test("whatever it keeps resolves to the portal's own origin", () => {
    const origin = new URL(process.env.APP_URL ?? "http://localhost:3000").origin;
    for (const [value] of OWN_RETURN_PATHS) expect(new URL(safeReturnPath(value)!, origin).origin).toBe(origin);
  });
});
