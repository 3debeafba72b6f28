import fc from "fast-check";
import {
  DEFAULT_CLICK_LIMITS,
  MAX_CLICKS,
  MIN_CLICKS,
  describeSequence,
  lastClickOrder,
  patternFingerprint,
  validatePattern,
} from "@/lib/matrix";

const range = (length: number, from = 0) => Array.from({ length }, (_, i) => from + i);

describe("validatePattern", () => {
  it("allows 8 to 15 clicks", () => {
    expect(MIN_CLICKS).toBe(8);
    expect(MAX_CLICKS).toBe(15);
    expect(DEFAULT_CLICK_LIMITS).toEqual({ minClicks: 8, maxClicks: 15 });
    expect(validatePattern(range(8))).toEqual({ ok: true, pattern: range(8) });
    expect(validatePattern(range(15))).toEqual({ ok: true, pattern: range(15) });
  });

  it("refuses 7 clicks as too short and 16 as too long, with the limits as parameters", () => {
    expect(validatePattern(range(7))).toEqual({
      ok: false,
      reason: { code: "too-short", min: 8, actual: 7 },
    });
    expect(validatePattern(range(16))).toEqual({
      ok: false,
      reason: { code: "too-long", max: 15, actual: 16 },
    });
    expect(validatePattern([])).toMatchObject({ ok: false, reason: { code: "too-short" } });
  });

  it("allows repeated cells", () => {
    const pattern = [5, 5, 5, 5, 17, 17, 40, 40];
    expect(validatePattern(pattern)).toEqual({ ok: true, pattern });
  });

  it("refuses cells outside the grid", () => {
    for (const outside of [-1, 48, 1000]) {
      expect(validatePattern([...range(7), outside])).toEqual({
        ok: false,
        reason: { code: "out-of-range", cellCount: 48 },
      });
    }
  });

  it("refuses entries that are not integers", () => {
    for (const entry of [1.5, "3", null, undefined, Number.NaN, Infinity, 2 ** 60, {}]) {
      expect(validatePattern([...range(7), entry])).toEqual({
        ok: false,
        reason: { code: "not-integers" },
      });
    }
    const sparse: unknown[] = range(8);
    delete sparse[3];
    expect(validatePattern(sparse)).toEqual({ ok: false, reason: { code: "not-integers" } });
  });

  it("refuses anything that is not an array", () => {
    for (const input of [null, undefined, "0,1,2,3,4,5,6,7", 12345678, { length: 8 }]) {
      expect(validatePattern(input)).toEqual({ ok: false, reason: { code: "not-an-array" } });
    }
  });

  it("returns a copy, so later changes to the input cannot alter the accepted pattern", () => {
    const input = range(8);
    const result = validatePattern(input);
    input[0] = 99;
    expect(result).toEqual({ ok: true, pattern: range(8) });
  });

  it("honours configured click limits", () => {
    expect(validatePattern(range(4), { minClicks: 4, maxClicks: 6 })).toMatchObject({ ok: true });
    expect(validatePattern(range(7), { minClicks: 4, maxClicks: 6 })).toEqual({
      ok: false,
      reason: { code: "too-long", max: 6, actual: 7 },
    });
  });

  it("accepts every in-range list of 8 to 15 cells (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 47 }), { minLength: 8, maxLength: 15 }), (pattern) => {
        expect(validatePattern(pattern)).toEqual({ ok: true, pattern });
      }),
    );
  });
});

describe("patternFingerprint", () => {
  it("is the canonical comma-separated list, keeping order and repeats", () => {
    expect(patternFingerprint([3, 17, 17, 40])).toBe("3,17,17,40");
    expect(patternFingerprint([17, 3, 17, 40])).not.toBe(patternFingerprint([3, 17, 17, 40]));
  });
});

describe("lastClickOrder", () => {
  it("shows the order of the LAST click in a cell clicked more than once", () => {
    const orders = lastClickOrder([5, 9, 5, 20, 9, 5, 30, 31]);
    expect(orders.get(5)).toBe(6);
    expect(orders.get(9)).toBe(5);
    expect(orders.get(20)).toBe(4);
    expect(orders.get(31)).toBe(8);
    expect(orders.has(0)).toBe(false);
    expect(orders.size).toBe(5);
  });
});

describe("describeSequence", () => {
  it("lists every click, repeats included, with 1-based row and column", () => {
    expect(describeSequence([0, 47, 0, 13])).toEqual([
      { order: 1, row: 1, column: 1 },
      { order: 2, row: 4, column: 12 },
      { order: 3, row: 1, column: 1 },
      { order: 4, row: 2, column: 2 },
    ]);
  });
});
