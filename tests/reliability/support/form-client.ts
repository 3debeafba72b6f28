/**
 * A browser without JavaScript, over plain HTTP: keeps cookies, reads a page's form and posts
 * it back the way Next expects a no-JS server-action submission (multipart, with the hidden
 * `$ACTION_…` inputs and an Origin header). Redirects are not followed, so every status is seen.
 */
export type Reply = { status: number; location: string | null; html: string; headers: Headers };

export class FormClient {
  private readonly cookies = new Map<string, string>();
  /**
   * `ip` is sent as X-Forwarded-For, so per-address rate limits see one client per FormClient
   * (behind the one proxy hop the app trusts by default); `headers` go with every request too.
   */
  constructor(
    public baseUrl: string,
    readonly ip = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}::${Math.floor(Math.random() * 0xffff).toString(16)}`,
    private readonly headers: Record<string, string> = {},
  ) {}

  private remember(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** Copies the cookies (the session) to another client, e.g. one talking to another instance. */
  copyTo(other: FormClient) {
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
  }

  async get(path: string): Promise<Reply> {
    const response = await fetch(new URL(path, this.baseUrl), {
      redirect: "manual",
      headers: { ...this.headers, cookie: this.cookieHeader(), "accept-language": "en", "x-forwarded-for": this.ip },
    });
    return this.reply(response);
  }

  private async reply(response: Response): Promise<Reply> {
    this.remember(response.headers);
    return {
      status: response.status,
      location: response.headers.get("location"),
      html: await response.text(),
      headers: response.headers,
    };
  }

  /** Posts the page's form that contains `marker` (e.g. `name="email"`) with these fields. */
  async submit(page: Reply, marker: string, fields: Record<string, string>, path?: string): Promise<Reply> {
    const form = [...page.html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].find((m) => m[1]!.includes(marker));
    if (!form) throw new Error(`No form with ${marker} on the page (status ${page.status})`);
    const body = new FormData();
    for (const input of form[1]!.matchAll(/<input\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
      if (!name || !/type="hidden"/.test(input[0]) || decode(name) in fields) continue;
      body.append(decode(name), decode(/\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? ""));
    }
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    const target = path ?? new URL(page.location ?? "/", this.baseUrl).pathname;
    const response = await fetch(new URL(target, this.baseUrl), {
      method: "POST",
      body,
      redirect: "manual",
      headers: {
        ...this.headers,
        cookie: this.cookieHeader(),
        origin: new URL(this.baseUrl).origin,
        "accept-language": "en",
        "x-forwarded-for": this.ip,
      },
    });
    return this.reply(response);
  }
}

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The 48 digits of a challenge page's grid, in cell order. */
export function gridDigits(html: string): string {
  const table = /<table\b[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
  const body = /<tbody\b[\s\S]*?<\/tbody>/.exec(table)?.[0] ?? "";
  return [...body.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]*>/g, "").trim()).join("");
}
