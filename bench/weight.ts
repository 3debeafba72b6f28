import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { request, type Dispatcher } from "undici";
import { hiddenInputs, VirtualUser } from "./support/vu";

/**
 * Page weight as a browser receives it: the HTML and every script it references, asked for
 * with Accept-Encoding gzip/deflate/br, counted in bytes on the wire (compressed), plus the
 * client modules (ours and libraries', not Next's) in the route's client graph.
 */

const ACCEPT = {
  "accept-encoding": "gzip, deflate, br",
  accept: "text/html,application/xhtml+xml,*/*",
};

export type PageWeight = {
  path: string;
  status: number;
  htmlBytes: number;
  encoding: string;
  scripts: number;
  scriptBytes: number;
  scriptBytesRaw: number;
  clientComponents: string[];
};

function decode(buffer: Buffer, encoding: string): string {
  if (encoding === "br") return brotliDecompressSync(buffer).toString("utf8");
  if (encoding === "gzip") return gunzipSync(buffer).toString("utf8");
  if (encoding === "deflate") return inflateSync(buffer).toString("utf8");
  return buffer.toString("utf8");
}

async function fetchRaw(url: string, agent: Dispatcher, headers: Record<string, string>) {
  const response = await request(url, {
    headers: { ...ACCEPT, ...headers },
    dispatcher: agent,
  });
  const buffer = Buffer.from(await response.body.arrayBuffer());
  const encoding = String(response.headers["content-encoding"] ?? "identity");
  return {
    status: response.statusCode,
    buffer,
    encoding,
    text: () => decode(buffer, encoding),
  };
}

/**
 * Client modules in the route's client graph that are not Next's own, from the build's client
 * reference manifest (what the page and its layouts can put on the client).
 */
function clientModules(path: string): string[] {
  const file = join(
    __dirname,
    "..",
    ".next",
    "server",
    "app",
    ...path.split("/").filter(Boolean),
    "page_client-reference-manifest.js",
  );
  if (!existsSync(file)) return [];
  const sandbox = {
    self: {} as {
      __RSC_MANIFEST?: Record<string, { clientModules: Record<string, unknown> }>;
    },
  };
  runInNewContext(readFileSync(file, "utf8"), {
    self: sandbox.self,
    globalThis: sandbox.self,
  });
  const manifest = Object.values(sandbox.self.__RSC_MANIFEST ?? {})[0];
  const names = Object.keys(manifest?.clientModules ?? {}).map((key) =>
    key
      .replace(/ <module evaluation>$/, "")
      .replace(/#.*$/, "")
      .replace(/^\[project\]\//, ""),
  );
  return [...new Set(names.filter((name) => !name.includes("node_modules/next/dist")))].sort();
}

export async function pageWeight(base: string, agent: Dispatcher, path: string, cookie?: string): Promise<PageWeight> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const page = await fetchRaw(`${base}${path}`, agent, headers);
  const html = page.text();
  const sources = [
    ...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"))),
  ];
  let scriptBytes = 0;
  let scriptBytesRaw = 0;
  for (const src of sources) {
    const script = await fetchRaw(new URL(src, base).toString(), agent, {});
    scriptBytes += script.buffer.length;
    scriptBytesRaw += Buffer.byteLength(script.text());
  }
  return {
    path,
    status: page.status,
    htmlBytes: page.buffer.length,
    encoding: page.encoding,
    scripts: sources.length,
    scriptBytes,
    scriptBytesRaw,
    clientComponents: clientModules(path),
  };
}

/** /login, /login/challenge (after a real email entry) and /start/pattern (with an onboarding session). */
export async function pageWeights(
  base: string,
  agent: Dispatcher,
  email: string,
  onboardingSessionId: string,
): Promise<PageWeight[]> {
  const vu = new VirtualUser(base, agent, "2001:db8:fee::1");
  const login = await pageWeight(base, agent, "/login");
  const form = await vu.get("/login");
  await vu.post("/login", hiddenInputs(form.body), { email });
  const challenge = await pageWeight(base, agent, "/login/challenge", vu.cookieHeader());
  const pattern = await pageWeight(base, agent, "/start/pattern", `onboarding=${onboardingSessionId}`);
  return [login, challenge, pattern];
}
