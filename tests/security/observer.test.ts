import { randomBytes, randomInt } from "node:crypto";
import { CELL_COUNT, checkStrength, expectedAnswer, generateChallengeDigits } from "@/lib/matrix";
import { reportFigure } from "./support/report";

/*
 * The threat model's simulation (docs/SECURITY.md): someone who sees the grid AND the typed
 * code of k sign-ins (a shoulder-surfer with a camera, malware that reads the screen and the
 * keyboard) keeps, for each position of the pattern, only the cells that showed the typed digit
 * every time. What is left is every pattern they cannot tell from the real one.
 */
const TRIALS = 2_000;

function strongRandomPattern(length: number): number[] {
  for (;;) {
    const pattern = Array.from({ length }, () => randomInt(CELL_COUNT));
    if (checkStrength(pattern).ok) return pattern;
  }
}

/** log10 of the number of patterns consistent with k observed (grid, code) pairs. */
function consistentPatternsLog10(pattern: readonly number[], observations: number): number {
  const grids = Array.from({ length: observations }, () => generateChallengeDigits(randomBytes));
  const codes = grids.map((grid) => expectedAnswer(grid, pattern));
  let log10 = 0;
  for (let position = 0; position < pattern.length; position++) {
    let candidates = 0;
    for (let cell = 0; cell < CELL_COUNT; cell++)
      if (grids.every((grid, k) => grid[cell] === codes[k]![position])) candidates += 1;
    log10 += Math.log10(candidates);
  }
  return log10;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test.each([
  [8, 0],
  [8, 1],
  [8, 2],
  [8, 3],
  [12, 2],
  [12, 3],
])("pattern length %i, %i observed sign-ins", (length, observations) => {
  const results = Array.from({ length: TRIALS }, () =>
    consistentPatternsLog10(strongRandomPattern(length), observations),
  );
  const unique = results.filter((log10) => log10 === 0).length / TRIALS;
  const middle = median(results);
  // An attacker who guesses among the consistent patterns succeeds with 1 / candidates per
  // attempt, but never worse than guessing the code outright (10^-length).
  const perAttempt = Math.max(10 ** -middle, 10 ** -length);
  reportFigure(
    `observer: length ${length}, ${observations} observed sign-in(s): median 10^${middle.toFixed(2)} consistent patterns, ` +
      `${(unique * 100).toFixed(1)}% fully known, success per guess ${perAttempt.toExponential(1)}, per 5-guess lock window ${Math.min(1, 5 * perAttempt).toExponential(1)} (${TRIALS} trials)`,
  );
  if (observations === 0) expect(middle).toBeCloseTo(length * Math.log10(CELL_COUNT), 5);
  // Each sighting removes about nine candidate cells in ten at every position.
  if (observations >= 1) expect(middle).toBeLessThan(length * Math.log10(CELL_COUNT * 0.1 ** observations + 1) + 1);
  if (observations === 3) expect(unique).toBeGreaterThan(0.5);
});
