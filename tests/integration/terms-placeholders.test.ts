import { eq } from "drizzle-orm";
import { closeDb, getDb, transaction } from "@/db/client";
import { findTermsTexts } from "@/db/queries/terms";
import { termsVersions, users } from "@/db/schema";
import { termsV1 } from "@/db/reference/terms-v1";
import { env } from "@/env";
import { publishTerms, termsOverview } from "@/lib/admin";
import { registerUser } from "@/lib/onboarding";
import { currentTerms, fillTermsPlaceholders } from "@/lib/terms";
import { newPerson, testContext } from "../support/people";

/**
 * Terms are stored as written, tokens included, and read for display with the configured
 * organization filled in; the operators' page shows the stored text. The publication here is
 * global: it is withdrawn again at the end of its test.
 */

beforeAll(() => getDb(), 60_000);
afterAll(() => closeDb());

const organization = {
  name: env.ORGANIZATION_NAME,
  address: env.ORGANIZATION_ADDRESS,
  privacyContact: env.PRIVACY_CONTACT,
};

test("the seeded version 1 is stored exactly as shipped, and shown with the organization filled in", async () => {
  const stored = await findTermsTexts(await getDb(), 1);
  expect(Object.fromEntries(stored.map(({ locale, title, body }) => [locale, { title, body }]))).toEqual(termsV1);
  const shown = await currentTerms("ja");
  expect(shown).toMatchObject({
    version: 1,
    title: fillTermsPlaceholders(termsV1.ja.title, organization),
    body: fillTermsPlaceholders(termsV1.ja.body, organization),
  });
  expect(shown!.body).not.toMatch(/\{(organization|organizationAddress|privacyContact)\}/);
});

test("a published version keeps its tokens in the database and on the operators' page; customers read the values", async () => {
  const registered = await registerUser({ ...newPerson(), role: "operator" }, testContext());
  if (!registered.ok) throw new Error(JSON.stringify(registered.fieldErrors));
  const en = {
    title: "Terms of {organization}",
    body: "1. Who we are\n{organization} ({organizationAddress}) operates the portal.\n\n2. Requests\nWrite to {privacyContact}. {version} and {other} stay.",
  };
  const ja = {
    title: "{organization} 個人情報の取扱いに関する規約",
    body: "第1条（定義）\n{organization}（所在地：{organizationAddress}、以下「当社」）\n\n第2条（お問い合わせ窓口）\n{privacyContact}",
  };
  const published = await publishTerms({ en, ja }, registered.userId, testContext());
  if (!published.ok) throw new Error(JSON.stringify(published.fieldErrors));
  try {
    const stored = await findTermsTexts(await getDb(), published.version);
    expect(stored).toEqual(
      expect.arrayContaining([
        { locale: "en", ...en },
        { locale: "ja", ...ja },
      ]),
    );

    expect(await currentTerms("en")).toMatchObject({
      version: published.version,
      title: `Terms of ${organization.name}`,
      body: `1. Who we are\n${organization.name} (${organization.address}) operates the portal.\n\n2. Requests\nWrite to ${organization.privacyContact}. {version} and {other} stay.`,
    });
    expect(await currentTerms("ja")).toMatchObject({
      version: published.version,
      title: `${organization.name} 個人情報の取扱いに関する規約`,
      body: `第1条（定義）\n${organization.name}（所在地：${organization.address}、以下「当社」）\n\n第2条（お問い合わせ窓口）\n${organization.privacyContact}`,
    });

    const overview = await termsOverview();
    expect(overview.current).toEqual({ version: published.version, texts: { en, ja } });
  } finally {
    await transaction(async (tx) => {
      await tx
        .update(users)
        .set({ acceptedTermsVersion: null })
        .where(eq(users.acceptedTermsVersion, published.version));
      await tx.delete(termsVersions).where(eq(termsVersions.version, published.version));
    });
  }
});
