import type { KoaContextWithOIDC } from "oidc-provider";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { pickLocale, localeCookieName, type Locale } from "@/lib/i18n/config";

/**
 * The few pages oidc-provider draws itself (an error it cannot send back to the application,
 * the sign-out question of RP-initiated logout and its answer), in the portal's language and
 * colours. Plain HTML: they are answered from inside the provider, not by React.
 */
type OidcText = (typeof en)["Oidc"];
const texts: Record<Locale, OidcText> = { en: en.Oidc, ja: ja.Oidc };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function localeOf(ctx: KoaContextWithOIDC): Locale {
  return pickLocale(ctx.cookies.get(localeCookieName), ctx.get("accept-language"));
}

const STYLE = `body{margin:0;font-family:system-ui,"Noto Sans JP",sans-serif;background:#f8fafc;color:#0f172a}
main{max-width:32rem;margin:3rem auto;padding:0 1rem}section{background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 1rem}p{line-height:1.6}code{background:#f1f5f9;padding:.1rem .3rem;border-radius:.25rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
button,a.button{font:inherit;font-weight:600;border-radius:.5rem;padding:.6rem 1rem;cursor:pointer;text-decoration:none}
.primary{background:#1d4ed8;color:#fff;border:1px solid #1d4ed8}.secondary{background:#fff;color:#1e293b;border:1px solid #94a3b8}
button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}`;

/** Draws one page in the visitor's language: `content` gives its title and the HTML under the heading. */
function page(ctx: KoaContextWithOIDC, content: (t: OidcText) => { title: string; body: string }): void {
  const locale = localeOf(ctx);
  const { title, body } = content(texts[locale]);
  ctx.type = "html";
  ctx.body = `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Matrix Portal</title><style>${STYLE}</style></head>
<body><main><section><h1>${escapeHtml(title)}</h1>${body}</section></main></body></html>`;
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
const homeLink = (t: OidcText) =>
  `<div class="actions"><a class="button secondary" href="/">${escapeHtml(t.errorHome)}</a></div>`;

const ERROR_TEXT: Record<string, keyof OidcText> = {
  invalid_redirect_uri: "errorRedirectUri",
  invalid_client: "errorClient",
  invalid_request: "errorRequest",
};

/** An error the provider cannot return to the application (say, an unregistered redirect_uri). */
export async function renderOidcError(ctx: KoaContextWithOIDC, out: { error: string }): Promise<void> {
  page(ctx, (t) => ({
    title: t.errorTitle,
    body: `${paragraph(t[ERROR_TEXT[out.error] ?? "errorOther"])}
<p>${escapeHtml(t.errorCode)} <code>${escapeHtml(out.error)}</code></p>${homeLink(t)}`,
  }));
}

/** RP-initiated logout asks before signing out; `form` is the provider's hidden form with its CSRF token. */
export async function renderLogoutConfirmation(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  page(ctx, (t) => ({
    title: t.logoutTitle,
    body: `${paragraph(t.logoutLead)}${form}
<div class="actions"><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout" class="primary">${escapeHtml(t.logoutConfirm)}</button>
<button type="submit" form="op.logoutForm" class="secondary">${escapeHtml(t.logoutCancel)}</button></div>`,
  }));
}

export async function renderLogoutDone(ctx: KoaContextWithOIDC): Promise<void> {
  page(ctx, (t) => ({ title: t.logoutDoneTitle, body: `${paragraph(t.logoutDoneLead)}${homeLink(t)}` }));
}
