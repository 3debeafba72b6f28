import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { CLIENT_NAMESPACES, clientMessages } from "@/lib/i18n/client-messages";

/** Every namespace a `useTranslations("…")` in app/ asks for: those hooks may run in the browser. */
function hookNamespaces(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), "utf8");
    for (const [, namespace] of source.matchAll(/\buseTranslations\(\s*"([^"]+)"/g))
      found.add(namespace!.split(".")[0]!);
    expect(source).not.toMatch(/\buseTranslations\(\s*\)/);
  }
  return found;
}

test("the client catalogue holds exactly the namespaces client components use", () => {
  expect([...hookNamespaces(join(process.cwd(), "app"))].sort()).toEqual([...CLIENT_NAMESPACES].sort());
});

test("pages carry only the client namespaces, in both languages", () => {
  for (const messages of [en, ja]) {
    const sent = clientMessages(messages);
    expect(Object.keys(sent).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    expect(sent).not.toHaveProperty("Emails");
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(messages).length * 0.7);
  }
});
