import { CELL_COUNT } from "./grid";

/** Returns `n` cryptographically random bytes; callers pass node's `crypto.randomBytes`. */
export type RandomBytes = (n: number) => Uint8Array;

// 250 is the largest multiple of 10 that fits in a byte. Bytes from 250 to 255 are
// discarded, because keeping them would make digits 0-5 slightly likelier than 6-9.
const ACCEPTED_BYTE_LIMIT = 250;

/** One uniformly random digit '0'-'9' for every cell of the grid, in cell order. */
export function generateChallengeDigits(randomBytes: RandomBytes): string {
  const needed = CELL_COUNT;
  const digits: string[] = [];
  while (digits.length < needed) {
    const bytes = randomBytes(needed - digits.length);
    if (bytes.length === 0) {
      throw new Error("Random source returned no bytes");
    }
    for (const byte of bytes) {
      if (byte < ACCEPTED_BYTE_LIMIT && digits.length < needed) {
        digits.push(String(byte % 10));
      }
    }
  }
  return digits.join("");
}

/** The one-time code: the digit under each clicked cell, in click order. */
export function expectedAnswer(digits: string, pattern: readonly number[]): string {
  return pattern
    .map((cell) => {
      const digit = Number.isSafeInteger(cell) ? digits[cell] : undefined;
      if (digit === undefined) {
        throw new RangeError("Pattern cell is outside the challenge grid");
      }
      return digit;
    })
    .join("");
}

/**
 * Compares a typed code with the expected one in time that depends only on the expected
 * length: no early exit on the first wrong digit and no early return on a length mismatch,
 * so response timing tells an attacker nothing about how close a guess was.
 */
export function answersMatch(expected: string, given: string): boolean {
  let difference = expected.length ^ given.length;
  for (let i = 0; i < expected.length; i++) {
    // Past the end of `given`, charCodeAt is NaN and `| 0` makes it 0; the length
    // difference above already records the mismatch.
    difference |= expected.charCodeAt(i) ^ (given.charCodeAt(i) | 0);
  }
  return difference === 0;
}

/**
 * Turns what the user typed into plain ASCII digits. NFKC maps full-width digits from a
 * Japanese keyboard ("１２３") to "123" and the ideographic space to a plain space; all
 * whitespace is then dropped. Returns null when nothing is left or anything but digits is.
 */
export function normalizeAnswer(input: string): string | null {
  const compact = input.normalize("NFKC").replace(/\s+/g, "");
  return /^[0-9]+$/.test(compact) ? compact : null;
}
