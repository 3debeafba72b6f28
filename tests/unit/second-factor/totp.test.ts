import { generateHOTP } from "@oslojs/otp";
import QRCode from "qrcode";
import {
  matchingTotpStep,
  normalizeTotpCode,
  otpauthUri,
  qrCodeDataUrl,
  totpSecretFromText,
  totpSecretText,
  totpStep,
} from "@/lib/second-factor/totp";

// RFC 6238 appendix B: the SHA-1 seed, and (8-digit) codes whose last 6 digits are ours.
const RFC_SECRET = new TextEncoder().encode("12345678901234567890");
const RFC_VECTORS: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1234567890, "005924"],
  [2000000000, "279037"],
];

const codeAt = (secret: Uint8Array, step: number) => generateHOTP(secret, BigInt(step), 6);

test.each(RFC_VECTORS)("RFC 6238 vector at %i s gives %s", (seconds, code) => {
  expect(matchingTotpStep(RFC_SECRET, code, new Date(seconds * 1000))).toBe(Math.floor(seconds / 30));
});

describe("the window around now", () => {
  const now = new Date(1_800_000_015_000); // 15 s into a step
  const step = totpStep(now);

  test.each([-1, 0, 1])("a code for step %+d is accepted, and reported as that step", (offset) => {
    expect(matchingTotpStep(RFC_SECRET, codeAt(RFC_SECRET, step + offset), now)).toBe(step + offset);
  });

  test.each([-3, -2, 2, 3])("a code for step %+d is refused", (offset) => {
    expect(matchingTotpStep(RFC_SECRET, codeAt(RFC_SECRET, step + offset), now)).toBeNull();
  });

  test("steps are 30 seconds: the last and first millisecond of a step", () => {
    expect(totpStep(new Date(30_000 * step + 29_999))).toBe(step);
    expect(totpStep(new Date(30_000 * (step + 1)))).toBe(step + 1);
  });

  test("a code of another secret is refused", () => {
    const other = new TextEncoder().encode("09876543210987654321");
    expect(matchingTotpStep(RFC_SECRET, codeAt(other, step), now)).toBeNull();
  });
});

describe("typed codes", () => {
  test.each([
    ["123456", "123456"],
    ["123 456", "123456"],
    [" 123456\n", "123456"],
    ["１２３４５６", "123456"],
    ["１２３　４５６", "123456"],
  ])("%j reads as %s", (typed, code) => {
    expect(normalizeTotpCode(typed)).toBe(code);
  });

  test.each(["12345", "1234567", "12345a", "", "123-456", "1".repeat(65), 123456, null, undefined])(
    "%j is not a code",
    (typed) => {
      expect(normalizeTotpCode(typed)).toBeNull();
    },
  );
});

describe("the key URI and its QR code", () => {
  const secret = Uint8Array.from({ length: 20 }, (_, i) => i * 13);
  const uri = otpauthUri("Matrix Portal", "taro+2fa@example.com", secret);

  test("names the issuer and account, and carries the secret, algorithm, digits and period", () => {
    const url = new URL(uri);
    expect(url.protocol).toBe("otpauth:");
    expect(url.host).toBe("totp");
    expect(decodeURIComponent(url.pathname)).toBe("/Matrix Portal:taro+2fa@example.com");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: totpSecretText(secret),
      issuer: "Matrix Portal",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
    // Spaces as %20, never "+", which some apps show literally.
    expect(uri).toContain("otpauth://totp/Matrix%20Portal:taro%2B2fa%40example.com?");
    expect(uri).toContain("&issuer=Matrix%20Portal&");
  });

  test("the secret is 32 base32 characters that decode back to the key", () => {
    const text = totpSecretText(secret);
    expect(text).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpSecretFromText(text)).toEqual(secret);
  });

  test("the QR code is an SVG data URL of exactly that URI", async () => {
    const dataUrl = await qrCodeDataUrl(uri);
    expect(dataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(dataUrl.split(",")[1]!, "base64").toString("utf8");
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
    const modules = QRCode.create(uri, { errorCorrectionLevel: "M" }).modules.size;
    expect(svg).toContain(`viewBox="0 0 ${modules + 8} ${modules + 8}"`);
    expect(svg).toBe(await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 4 }));
  });
});
