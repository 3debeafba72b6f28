import { CSV_BOM, csvCell, csvRow, parseCsv } from "@/lib/admin/csv";

/** What a spreadsheet that splits on ";" or "," but honours quotes makes of one record. */
function cellsAsSeparatedBy(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  return [...cells, cell];
}

describe("CSV writer", () => {
  test("quotes every cell and doubles quotes; records end with CRLF", () => {
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell(true)).toBe('"true"');
    expect(csvRow(["a", "b,c", null])).toBe('"a","b,c",""\r\n');
  });

  test.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
    ["+81312345678", `"'+81312345678"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tcmd", `"'\tcmd"`],
    ["\r=cmd", `"'\r=cmd"`],
    [-5, `"'-5"`],
    ["a=b", '"a=b"'],
  ])("defuses a formula start in %j (OWASP CSV injection)", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test("a separator inside a value cannot start a new cell, whichever separator the spreadsheet uses", () => {
    const line = csvRow(["198.51.100.8", "Mozilla;=cmd|' /C calc'!A0", "Mozilla,=cmd|' /C calc'!A0"]).trimEnd();
    expect(cellsAsSeparatedBy(line, ",")).toEqual([
      "198.51.100.8",
      "Mozilla;=cmd|' /C calc'!A0",
      "Mozilla,=cmd|' /C calc'!A0",
    ]);
    for (const cell of [...cellsAsSeparatedBy(line, ","), ...cellsAsSeparatedBy(line, ";")])
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test("the reader reads back what the writer wrote, defused cells with their leading quote", () => {
    const rows = [
      ["email", "name", "note"],
      ["a@example.com", 'He said "yes", then left', "line 1\nline 2"],
      ["", "鈴木", ","],
      ["=1+1", "-", "@x"],
    ];
    expect(parseCsv(CSV_BOM + rows.map(csvRow).join(""))).toEqual({
      ok: true,
      records: [...rows.slice(0, 3), ["'=1+1", "'-", "'@x"]],
    });
  });

  test("a document starts with a UTF-8 byte order mark", () => {
    expect(CSV_BOM + csvRow(["a"])).toBe('\uFEFF"a"\r\n');
  });
});
