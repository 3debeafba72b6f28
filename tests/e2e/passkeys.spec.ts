import { acceptTerms, onboard, PATTERN, signIn } from "./support/portal";
import { expect, test } from "./support/test";

/**
 * Passkeys through Chromium's virtual authenticator (CDP WebAuthn domain): a platform
 * authenticator with user verification that answers every prompt, as a fingerprint would.
 */
test("a customer adds a passkey from the dashboard, signs in with it as the second step, and removes it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const customer = await onboard(page, PATTERN);
  await signIn(page, customer.email, PATTERN);
  await acceptTerms(page);

  const methods = page.getByRole("region", { name: "Sign-in methods" });
  await methods.getByRole("button", { name: "Add a passkey" }).click();
  // A blank name is refused before the browser is asked for anything.
  await methods.getByRole("button", { name: "Save passkey" }).click();
  await expect(methods.getByText("Enter a name of 1 to 64 characters.")).toBeVisible();
  await methods.getByRole("textbox", { name: "Passkey name", exact: true }).fill("Work laptop");
  await methods.getByRole("button", { name: "Save passkey" }).click();
  await expect(methods.getByText("The passkey was added.")).toBeVisible();
  // The first second factor brings the recovery codes, shown this once.
  await expect(methods.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  const passkey = methods
    .getByRole("list", { name: "Passkeys" })
    .getByRole("listitem")
    .filter({ hasText: "Work laptop" });
  await expect(passkey).toContainText("not used yet");
  await expect(passkey.getByRole("button", { name: "Remove" })).toBeVisible();
  if (process.env.PEOPLE_SHOTS)
    await page.screenshot({ path: `${process.env.PEOPLE_SHOTS}/dashboard-passkey.png`, fullPage: true });
  // The authenticator holds the key pair; the portal kept only the public key.
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);

  // Signed out, the matrix alone no longer signs in: the passkey finishes it.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn(page, customer.email, PATTERN);
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(passkey).toContainText("last used");

  await passkey.getByRole("button", { name: "Remove" }).click();
  await expect(page).toHaveURL(/methods=passkey-removed/);
  await expect(methods.getByText("The passkey was removed.")).toBeVisible();
  await expect(methods.getByText("No passkeys yet.", { exact: false })).toBeVisible();
});
