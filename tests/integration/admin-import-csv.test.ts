import { CSV_BOM, csvRow, parseCsv } from "@/lib/admin/csv";

describe("parseCsv (RFC 4180)", () => {
  test("splits records on CRLF, LF and CR; a final line break adds no record", () => {
    expect(parseCsv("a,b\r\nc,d\ne,f\rg,h\r\n")).toEqual({
      ok: true,
      records: [
        ["a", "b"],
        ["c", "d"],
        ["e", "f"],
        ["g", "h"],
      ],
    });
    expect(parseCsv("a,b")).toEqual({ ok: true, records: [["a", "b"]] });
    expect(parseCsv("")).toEqual({ ok: true, records: [] });
  });

  test("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text =
      'email,name\r\n"a@example.com","Yamada, Taro"\r\nb@example.com,"Say ""hi"""\r\nc@example.com,"two\r\nlines"\r\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      records: [
        ["email", "name"],
        ["a@example.com", "Yamada, Taro"],
        ["b@example.com", 'Say "hi"'],
        ["c@example.com", "two\r\nlines"],
      ],
    });
  });

  test("keeps empty fields, including a trailing one and an empty quoted one", () => {
    expect(parseCsv('a,,c,\r\n"",x')).toEqual({
      ok: true,
      records: [
        ["a", "", "c", ""],
        ["", "x"],
      ],
    });
  });

  test("strips a UTF-8 byte order mark and keeps Japanese text", () => {
    expect(parseCsv("\uFEFFemail,name\r\nhanako@example.jp,鈴木 花子\r\n")).toEqual({
      ok: true,
      records: [
        ["email", "name"],
        ["hanako@example.jp", "鈴木 花子"],
      ],
    });
  });

  test("refuses an unterminated quote and a quote inside or after a field, naming the record", () => {
    expect(parseCsv('a,b\r\nc,"d\r\n')).toEqual({ ok: false, error: "unterminated-quote", record: 2 });
    expect(parseCsv('a,b\r\nc,d"e\r\n')).toEqual({ ok: false, error: "stray-quote", record: 2 });
    expect(parseCsv('a,"b"c\r\n')).toEqual({ ok: false, error: "stray-quote", record: 1 });
  });

  test("reads back what the writer wrote", () => {
    const rows = [
      ["email", "name", "note"],
      ["a@example.com", 'He said "yes", then left', "line 1\nline 2"],
      ["", "鈴木", ","],
    ];
    const parsed = parseCsv(CSV_BOM + rows.map(csvRow).join(""));
    expect(parsed).toEqual({ ok: true, records: rows });
  });
});
