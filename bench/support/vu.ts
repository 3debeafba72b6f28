import { Agent, FormData, request, type Dispatcher } from "undici";

/**
 * One virtual user: a browser without JavaScript. It carries its own cookies, sends its own
 * X-Forwarded-For (the app trusts one proxy hop) and posts forms the way a browser does:
 * multipart, to the page's own URL, with the page's hidden inputs and an Origin header.
 */

export type Step = {
  status: number;
  location: string | null;
  body: string;
  ms: number;
};

export function createAgent(connections: number): Agent {
  return new Agent({ connections, pipelining: 1, keepAliveTimeout: 30_000 });
}

export class VirtualUser {
  private readonly cookies = new Map<string, string>();
  ip: string;

  constructor(
    private readonly base: string,
    private readonly agent: Dispatcher,
    ip: string,
  ) {
    this.ip = ip;
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  clearCookies(): void {
    this.cookies.clear();
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = this.cookieHeader();
    return {
      "x-forwarded-for": this.ip,
      "user-agent": "matrix-portal-bench",
      ...(cookie ? { cookie } : {}),
      ...extra,
    };
  }

  private remember(setCookie: string | string[] | undefined): void {
    for (const line of typeof setCookie === "string" ? [setCookie] : (setCookie ?? [])) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, extra: Record<string, string> = {}): Promise<Step> {
    return this.send(path, { method: "GET", headers: this.headers(extra) });
  }

  /** Posts a form like a browser: the page's hidden inputs plus `fields`, to the page's URL. */
  async post(path: string, hidden: Record<string, string>, fields: Record<string, string>): Promise<Step> {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...hidden, ...fields })) form.append(name, value);
    return this.send(path, {
      method: "POST",
      headers: this.headers({ origin: this.base }),
      body: form,
    });
  }

  private async send(
    path: string,
    options: {
      method: "GET" | "POST";
      headers: Record<string, string>;
      body?: FormData;
    },
  ): Promise<Step> {
    const started = performance.now();
    const response = await request(`${this.base}${path}`, {
      ...options,
      dispatcher: this.agent,
    });
    const body = await response.body.text();
    const ms = performance.now() - started;
    this.remember(response.headers["set-cookie"]);
    const location = response.headers.location;
    return {
      status: response.statusCode,
      location: typeof location === "string" ? location : null,
      body,
      ms,
    };
  }
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name.replace(/\$/g, "\\$")}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : null;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * The hidden inputs (React's $ACTION_ID_… and friends) of the first server-action form inside
 * <main>: the header's language switcher is a server-action form too.
 */
export function hiddenInputs(html: string): Record<string, string> {
  const main = html.slice(Math.max(0, html.indexOf("<main")));
  for (const form of main.match(/<form[\s\S]*?<\/form>/g) ?? []) {
    const inputs: Record<string, string> = {};
    for (const tag of form.match(/<input[^>]*>/g) ?? []) {
      if (attribute(tag, "type") !== "hidden") continue;
      const name = attribute(tag, "name");
      if (name) inputs[name] = attribute(tag, "value") ?? "";
    }
    if (Object.keys(inputs).some((name) => name.startsWith("$ACTION"))) return inputs;
  }
  throw new Error("No server-action form in the page");
}

/** The challenge digits in cell order: one per <td> of the grid's body (see ChallengeGrid). */
export function challengeDigits(html: string): string {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  const digits = [...body.matchAll(/<td[^>]*><span[^>]*>(\d)<\/span><\/td>/g)].map((m) => m[1]).join("");
  if (digits.length !== 48) throw new Error(`Expected 48 challenge digits, found ${digits.length}`);
  return digits;
}
