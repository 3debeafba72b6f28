import { termsSchema } from "@/lib/admin/terms";

test("terms text keeps its line breaks and tabs and loses other control characters", () => {
  const parsed = termsSchema.parse({
    en: { title: "Terms\u0000 of use\u0007", body: " Article 1.\r\n\tWe protect\u0000 your data.\r\rEnd\u001b " },
    ja: { title: "規約\u0000", body: "第1条\n本文" },
  });
  expect(parsed.en).toEqual({ title: "Terms of use", body: "Article 1.\n\tWe protect your data.\n\nEnd" });
  expect(parsed.ja).toEqual({ title: "規約", body: "第1条\n本文" });
});

test("a title of control characters alone is empty, so refused as missing", () => {
  const parsed = termsSchema.safeParse({ en: { title: "\u0000\u0001", body: "Body" } });
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
    ["en.title", "required"],
  ]);
});
