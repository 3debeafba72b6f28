import { readFileSync } from "node:fs";
import { join } from "node:path";
import ja from "@/messages/ja.json";
import { termsV1 } from "@/db/reference/terms-v1";

/**
 * messages/GLOSSARY.md is the one list of Japanese terms; this test reads its tables and reports
 * every variant it forbids in the catalogue (pages and emails) and in the shipped terms.
 */

type Scope = "everywhere" | "customer" | "admin";
type Rule = { term: string; avoid: RegExp[]; where: Scope };
type Text = { place: string; text: string; scope: "customer" | "admin" };

function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll("\\|", "|"));
}

function pattern(item: string): RegExp {
  const regex = /^\/(.*)\/[a-z]*$/.exec(item);
  return regex ? new RegExp(regex[1]!, "u") : new RegExp(item.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "u");
}

/** Every row of the glossary's tables, whatever its columns, as term + forbidden patterns + scope. */
function readGlossary(markdown: string): Rule[] {
  const rules: Rule[] = [];
  let header: string[] | null = null;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      header = null;
      continue;
    }
    const row = cells(line);
    if (header === null) header = row;
    else if (!row.every((cell) => /^-+$/.test(cell))) {
      const column = (name: string) => row[header!.indexOf(name)] ?? "";
      const avoid = [...column("Avoid").matchAll(/`([^`]+)`/g)].map((match) => pattern(match[1]!));
      rules.push({ term: column("Japanese") || column("Rule"), avoid, where: column("Where") as Scope });
    }
  }
  return rules;
}

/** What a reader sees in a placeholder, so spacing is judged on the text as shown. */
const samples: Record<string, string> = {
  time: "2026年12月1日(火) 18:00 JST",
  expiresAt: "2026年12月1日(火) 18:00 JST",
  date: "2026年12月1日",
  name: "Hanako Yamada",
  email: "hanako@example.jp",
  contact: "support@example.jp",
  ip: "203.0.113.7",
  company: "株式会社サンプル",
  timeZone: "日本標準時（JST）",
  subject: "件名",
  browser: "Chrome",
  system: "Windows",
  columns: "email、name",
  otp: "38521907",
  // The terms' own tokens (lib/terms puts the configured organization in).
  organization: "株式会社サンプル",
  organizationAddress: "東京都千代田区丸の内1-1-1",
  address: "東京都千代田区丸の内1-1-1",
  passkey: "Work laptop",
  added: "2026/12/02 15:04 JST",
  used: "2026/12/03 9:30 JST",
  policy: "オペレーターは必須",
  privacyContact: "privacy@example.jp",
  application: "請求システム",
};
const numbers =
  /^(max|min|row|column|version|order|count|remaining|actual|total|rows|minutes|maxRows|year|succeeded|shown|number|megabytes|maxMb|invalidRows|found|first|failed|expected|current|with|without)$/;

function asShown(text: string): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (numbers.test(name)) return "3";
    if (name in samples) return samples[name]!;
    throw new Error(`No sample value for the placeholder {${name}}: add one to tests/unit/glossary.test.ts`);
  });
}

function flatten(value: unknown, place: string, out: Text[]): Text[] {
  if (typeof value === "string") {
    out.push({ place, text: asShown(value), scope: /^Admin/.test(place) ? "admin" : "customer" });
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) flatten(inner, place ? `${place}.${key}` : key, out);
  }
  return out;
}

function findVariants(rules: Rule[], texts: Text[]): string[] {
  const found: string[] = [];
  for (const rule of rules) {
    for (const { place, text, scope } of texts) {
      if (rule.where !== "everywhere" && rule.where !== scope) continue;
      for (const avoid of rule.avoid) {
        const match = avoid.exec(text);
        if (match) found.push(`${place}: 「${match[0]}」 (use ${rule.term})`);
      }
    }
  }
  return found;
}

const rules = readGlossary(readFileSync(join(process.cwd(), "messages/GLOSSARY.md"), "utf8"));
const shipped: Text[] = [
  ...flatten(ja, "", []),
  { place: "terms v1 title", text: asShown(termsV1.ja.title), scope: "customer" },
  ...termsV1.ja.body
    .split("\n")
    .map((text, line) => ({ place: `terms v1 line ${line + 1}`, text: asShown(text), scope: "customer" as const })),
];

test("the glossary has rules, each with something to avoid and a scope", () => {
  expect(rules.length).toBeGreaterThan(20);
  for (const rule of rules) {
    expect(rule.avoid.length).toBeGreaterThan(0);
    expect(["everywhere", "customer", "admin"]).toContain(rule.where);
  }
});

test("the Japanese catalogue, the emails and the shipped terms use only the glossary's terms", () => {
  expect(findVariants(rules, shipped)).toEqual([]);
});

// The drift an outside review found (issue 17): each must still be caught if it comes back.
const reviewedVariants: Array<[string, "customer" | "admin"]> = [
  ["担当オペレーターが登録した情報", "customer"],
  ["担当者またはオペレーターへ", "customer"],
  ["当社の担当者を含め", "customer"],
  ["当社の従業員が閲覧", "customer"],
  ["担当オペレーター", "admin"],
  ["個人情報保護に関する規約", "customer"],
  ["カスタマーポータルにおける個人情報保護に関する規約", "customer"],
  ["個人情報の取り扱いに関する規約", "customer"],
  ["お客様ポータル", "customer"],
  ["カスタマーポータル", "admin"],
  ["マトリクスパスワードを設定してください", "customer"],
  ["マトリクスパスワードの作成", "customer"],
  ["パターンを一度だけ登録します", "customer"],
  ["マトリクス", "customer"],
  ["お客様のマスの数字", "customer"],
  ["秘密のマス", "customer"],
  ["本人確認を行う", "admin"],
  ["心当たりのない失敗", "customer"],
  ["ブラウザの JavaScript", "customer"],
  ["第 2 版", "customer"],
  ["バージョン2", "admin"],
  ["全端末のセッションを終了", "customer"],
  ["アカウント", "customer"],
  ["アカウントに戻る", "customer"],
  ["スタートガイド発行", "admin"],
  ["スタートガイド再送依頼", "admin"],
  ["ハイフンや空白を含めずに", "admin"],
  ["8〜15 個のマス", "customer"],
  ["3〜15 回", "customer"],
  ["IPアドレス", "admin"],
  ["CSVファイル", "admin"],
  ["ステップ 3/3", "customer"],
  ["ステップ3／3", "customer"],
  ["Hanako Yamada様", "customer"],
  ["お客さまのもの", "customer"],
  ["最近のサインイン", "customer"],
  ["顧客", "admin"],
];

test.each(reviewedVariants)("the check catches 「%s」 (%s)", (text, scope) => {
  expect(findVariants(rules, [{ place: "sample", text, scope }])).not.toEqual([]);
});

test("the words it prescribes pass", () => {
  const preferred = [
    "担当者へご連絡ください",
    "8〜15個のマス",
    "IP アドレス",
    "第2版",
    "マイアカウントに戻る",
    "ブラウザー",
    "Hanako Yamada 様",
    "有効期限は2026年12月1日(火) 18:00 JST です",
  ];
  expect(
    findVariants(
      rules,
      preferred.map((text) => ({ place: "sample", text, scope: "customer" })),
    ),
  ).toEqual([]);
});
