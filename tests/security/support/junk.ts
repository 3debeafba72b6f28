import fc from "fast-check";

/** Strings that have broken form handlers elsewhere: controls, surrogates, width and direction tricks. */
const EDGE_STRINGS = [
  "",
  " ",
  "\u0000",
  "\uD800",
  "\uDFFF\uD800",
  "\u202Eevil",
  "\uFEFF",
  "０３１２３４５６７８",
  "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ",
  "taro@example.com\u0000admin@example.com",
  "'; drop table users; --",
  "%_\\",
  "{{7*7}}${7*7}",
  "<script>alert(1)</script>",
  "𝟘𝟙𝟚𝟛",
  "e\u0301",
  "a".repeat(70_000),
  "0".repeat(1_000_000),
];

/** Any string a client could send, weighted towards the nasty ones. */
export const junkString = fc.oneof(
  fc.constantFrom(...EDGE_STRINGS),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.stringMatching(/^[0-9０-９ -]{0,40}$/),
);

/** Any value at all: wrong types, nesting, prototypes, huge strings. */
export const junkValue = fc.oneof(
  junkString,
  fc.anything({ maxDepth: 2, withObjectString: true, withNullPrototype: true }),
);

/** A form-shaped object whose named fields are junk, some missing, plus unexpected extra fields. */
export function junkForm(fields: readonly string[]) {
  return fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((field) => [field, junkValue])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 12 }), junkValue, { maxKeys: 3 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
}
