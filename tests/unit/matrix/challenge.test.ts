import { randomBytes } from "node:crypto";
import fc from "fast-check";
import {
  CELL_COUNT,
  answersMatch,
  expectedAnswer,
  generateChallengeDigits,
  normalizeAnswer,
  type RandomBytes,
} from "@/lib/matrix";

/** An RNG that plays back the given bytes and records how many were asked for. */
function scriptedRng(bytes: number[]): RandomBytes & { requests: number[] } {
  const queue = [...bytes];
  const requests: number[] = [];
  const rng = (n: number) => {
    requests.push(n);
    return Uint8Array.from(queue.splice(0, n));
  };
  return Object.assign(rng, { requests });
}

// Chi-square critical value for 9 degrees of freedom at p = 0.001.
const CHI_SQUARE_CRITICAL = 27.88;

function chiSquare(counts: number[]): number {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
}

function digitCounts(text: string): number[] {
  const counts = Array<number>(10).fill(0);
  for (const char of text) counts[Number(char)]! += 1;
  return counts;
}

describe("generateChallengeDigits", () => {
  it("fills every cell with a digit 0-9", () => {
    const digits = generateChallengeDigits(randomBytes);
    expect(digits).toMatch(/^[0-9]{48}$/);
  });

  it("gives each digit equal chance (chi-square over 2,000 grids of 48 cells)", () => {
    let all = "";
    for (let grid = 0; grid < 2000; grid++) all += generateChallengeDigits(randomBytes);
    expect(all).toHaveLength(96_000);
    expect(chiSquare(digitCounts(all))).toBeLessThan(CHI_SQUARE_CRITICAL);
  });

  it("the uniformity test does detect a biased source", () => {
    // A broken source that returns 1 for every third byte: digit 1 comes up far too often.
    const biased: RandomBytes = (n) => Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : (i * 7) % 250));
    let all = "";
    for (let grid = 0; grid < 200; grid++) all += generateChallengeDigits(biased);
    expect(chiSquare(digitCounts(all))).toBeGreaterThan(CHI_SQUARE_CRITICAL);
  });

  it("discards bytes 250-255 instead of folding them onto digits 0-5", () => {
    const rng = scriptedRng([255, ...Array<number>(CELL_COUNT).fill(3)]);
    expect(generateChallengeDigits(rng)).toBe("3".repeat(CELL_COUNT));
    expect(rng.requests).toEqual([CELL_COUNT, 1]);
    expect(
      generateChallengeDigits(scriptedRng([250, 251, 252, 253, 254, ...Array<number>(CELL_COUNT).fill(249)])),
    ).toBe("9".repeat(CELL_COUNT));
  });

  it("has no modulo bias: every byte value 24 times over gives each digit exactly 600 times", () => {
    // 125 grids of 48 cells take 6,000 accepted bytes: 24 rounds of the 250 kept values.
    let next = 0;
    const everyByteInTurn: RandomBytes = (n) => Uint8Array.from({ length: n }, () => next++ % 256);
    const digits = Array.from({ length: 125 }, () => generateChallengeDigits(everyByteInTurn)).join("");
    expect(digitCounts(digits)).toEqual(Array(10).fill(600));
  });

  it("asks only for the digits still missing and ignores surplus bytes", () => {
    const rng = scriptedRng([1, 2, 255, ...Array<number>(CELL_COUNT - 2).fill(4), 5, 6]);
    expect(generateChallengeDigits(rng)).toBe(`12${"4".repeat(CELL_COUNT - 2)}`);
    expect(rng.requests).toEqual([CELL_COUNT, 1]);
    const generous: RandomBytes = () => Uint8Array.from({ length: 100 }, (_, i) => i % 10);
    expect(generateChallengeDigits(generous)).toBe("0123456789".repeat(5).slice(0, CELL_COUNT));
  });

  it("fails loudly rather than spinning when the random source is exhausted", () => {
    expect(() => generateChallengeDigits(scriptedRng([]))).toThrow(/no bytes/);
    expect(() => generateChallengeDigits(scriptedRng([1, 2, 3]))).toThrow(/no bytes/);
  });
});

describe("expectedAnswer", () => {
  const digits = "0123456789".repeat(5).slice(0, 48);

  it("reads the digits under the pattern in click order, repeats included", () => {
    expect(expectedAnswer(digits, [3, 3, 14, 0, 3, 47, 20, 20])).toBe("33403700");
  });

  it("refuses a pattern that does not fit the challenge", () => {
    expect(() => expectedAnswer(digits, [48])).toThrow(RangeError);
    expect(() => expectedAnswer(digits, [-1])).toThrow(RangeError);
    expect(() => expectedAnswer(digits, [1.5])).toThrow(RangeError);
  });
});

describe("answersMatch", () => {
  it("accepts exactly the expected code", () => {
    expect(answersMatch("40392817", "40392817")).toBe(true);
  });

  it("refuses a code that differs in any one digit", () => {
    expect(answersMatch("40392817", "40392818")).toBe(false);
    expect(answersMatch("40392817", "50392817")).toBe(false);
  });

  it("refuses a code of a different length, shorter or longer", () => {
    expect(answersMatch("40392817", "4039281")).toBe(false);
    expect(answersMatch("40392817", "403928170")).toBe(false);
    expect(answersMatch("40392817", "")).toBe(false);
    expect(answersMatch("0", "0\u0000")).toBe(false);
  });

  it("agrees with string equality (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(answersMatch(a, b)).toBe(a === b);
        expect(answersMatch(a, a)).toBe(true);
      }),
    );
  });
});

describe("normalizeAnswer", () => {
  it("keeps plain digits", () => {
    expect(normalizeAnswer("40392817")).toBe("40392817");
  });

  it("accepts full-width digits typed on a Japanese keyboard", () => {
    expect(normalizeAnswer("１２３")).toBe("123");
  });

  it("strips spaces, including the full-width space and tabs", () => {
    expect(normalizeAnswer(" 403 928\u300017\t")).toBe("40392817");
  });

  it("rejects letters, signs, other scripts' digits and empty input", () => {
    for (const input of ["4039a817", "1234-5678", "١٢٣", "", "   ", "12.5"]) {
      expect(normalizeAnswer(input)).toBeNull();
    }
  });
});
