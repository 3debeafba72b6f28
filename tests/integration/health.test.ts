import { closeDb } from "@/db/client";
import { checkHealth } from "@/lib/platform/health";

afterAll(() => closeDb());

test("the database answers and health reports ok", async () => {
  await expect(checkHealth()).resolves.toEqual({ status: "ok" });
});

test("the migrations seed version 1 of the terms in both languages", async () => {
  const { getDb } = await import("@/db/client");
  const db = await getDb();
  const texts = await db.query.termsTexts.findMany({ where: (t, { eq }) => eq(t.version, 1) });
  expect(texts.map((t) => t.locale).sort()).toEqual(["en", "ja"]);
});
