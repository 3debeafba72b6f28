import { emailTemplates, renderEmail, type EmailEnvelope, type EmailMessage } from "@/emails";
import AccountLockedEmail from "@/emails/account-locked";
import PatternSetEmail from "@/emails/pattern-set";
import SecondFactorChangedEmail, { SECOND_FACTOR_CHANGES } from "@/emails/second-factor-changed";
import StartingGuideEmail from "@/emails/starting-guide";
import TermsChangedEmail from "@/emails/terms-changed";

const organization = {
  name: "Example Operations K.K.",
  address: "2-2-2 Otemachi, Chiyoda-ku, Tokyo 100-0004, Japan",
  privacyContact: "Privacy desk, privacy@example.co.jp, 03-1234-5678",
};

const envelope = (locale: "en" | "ja"): EmailEnvelope => ({
  locale,
  appUrl: "https://portal.example",
  supportContact: "help@portal.example",
  organization,
});

const link = "https://portal.example/start/abcDEF123_token-xyz";
// 2026-12-01 09:00 UTC is 18:00 on 1 December in Tokyo.
const expiresAt = "2026-12-01T09:00:00.000Z";

const startingGuide: EmailMessage = { template: "starting-guide", props: { name: "Hanako Yamada", link, expiresAt } };

/** Text of the rendered HTML with tags removed, entities decoded and whitespace collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|&#xA0;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

/** Checks a rendered email's subject and greeting; returns its visible text for the template's own checks. */
function greetedText(email: Awaited<ReturnType<typeof renderEmail>>, subject: string, greeting: string): string {
  expect(email.subject).toBe(subject);
  const text = visibleText(email.html);
  expect(text).toContain(greeting);
  return text;
}

describe("starting-guide", () => {
  test("English: subject, greeting, button and text link, expiry in Tokyo time, resend link", async () => {
    const email = await renderEmail(startingGuide, envelope("en"));
    expect(email.subject).toBe("Your Matrix Portal starting guide");
    expect(email.html).toContain('lang="en"');
    const text = visibleText(email.html);
    expect(text).toContain("Dear Hanako Yamada,");
    expect(text).toContain("Matrix Portal");
    expect(email.html.match(new RegExp(`href="${link}"`, "g"))).toHaveLength(2);
    expect(text).toContain(link);
    expect(text).toMatch(/expires on Tue, December 1, 2026(,| at) 6:00\sPM GMT\+9/);
    expect(email.html).toContain('href="https://portal.example/start/resend"');
    expect(email.text).toContain(link);
    expect(email.text).toContain("Dear Hanako Yamada,");
  });

  test("Japanese: subject, greeting, link and expiry formatted for Japan", async () => {
    const email = await renderEmail(startingGuide, envelope("ja"));
    expect(email.subject).toBe("【Matrix Portal】ご利用開始のご案内（スタートガイド）");
    expect(email.html).toContain('lang="ja"');
    const text = visibleText(email.html);
    expect(text).toContain("Hanako Yamada 様");
    expect(text).toContain(link);
    expect(text).toMatch(/有効期限は2026年12月1日\(火\) 18:00 JST です/);
    expect(email.html).toContain('href="https://portal.example/start/resend"');
  });

  test("a time zone in the envelope changes how the expiry reads", async () => {
    const email = await renderEmail(startingGuide, { ...envelope("en"), timeZone: "UTC" });
    expect(visibleText(email.html)).toMatch(/December 1, 2026(,| at) 9:00\sAM UTC/);
  });

  test("names are escaped, not interpreted as HTML", async () => {
    const email = await renderEmail(
      { template: "starting-guide", props: { name: "<script>alert(1)</script>", link, expiresAt } },
      envelope("en"),
    );
    expect(email.html).not.toContain("<script>alert(1)</script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  test("rendering is deterministic (a retried request repeats its payload)", async () => {
    const [a, b] = await Promise.all([
      renderEmail(startingGuide, envelope("ja")),
      renderEmail(startingGuide, envelope("ja")),
    ]);
    expect(a).toEqual(b);
  });
});

describe("pattern-set", () => {
  test.each([
    [
      "en",
      "set",
      "Your matrix password was set",
      "Dear Aiko Sato,",
      /was set on Sun, November 29, 2026(,| at) 10:30\sAM GMT\+9/,
    ],
    ["en", "changed", "Your matrix password was changed", "Dear Aiko Sato,", /was changed on Sun, November 29, 2026/],
    [
      "ja",
      "set",
      "【Matrix Portal】マトリクスパスワード登録完了のお知らせ",
      "Aiko Sato 様",
      /2026年11月29日\(日\) 10:30 JST にマトリクスパスワードが登録されました/,
    ],
    [
      "ja",
      "changed",
      "【Matrix Portal】マトリクスパスワード変更のお知らせ",
      "Aiko Sato 様",
      /にマトリクスパスワードが変更されました/,
    ],
  ] as const)("%s, %s", async (locale, kind, subject, greeting, time) => {
    const email = await renderEmail(
      { template: "pattern-set", props: { name: "Aiko Sato", kind, at: "2026-11-29T01:30:00.000Z" } },
      envelope(locale),
    );
    const text = greetedText(email, subject, greeting);
    expect(text).toMatch(time);
    expect(text).toContain("help@portal.example");
    expect(email.html).toContain('href="https://portal.example/login"');
  });
});

describe("account-locked", () => {
  test.each([
    [
      "en",
      "Your Matrix Portal account is locked for now",
      "Dear Ken Ito,",
      /sign in again after Sun, November 29, 2026(,| at) 10:31\sAM GMT\+9/,
    ],
    [
      "ja",
      "【Matrix Portal】アカウント一時ロックのお知らせ",
      "Ken Ito 様",
      /2026年11月29日\(日\) 10:31 JST 以降、再びログインできます/,
    ],
  ] as const)("%s", async (locale, subject, greeting, unlock) => {
    const email = await renderEmail(
      { template: "account-locked", props: { name: "Ken Ito", unlocksAt: "2026-11-29T01:31:00.000Z" } },
      envelope(locale),
    );
    const text = greetedText(email, subject, greeting);
    expect(text).toMatch(unlock);
    expect(text).toContain("help@portal.example");
  });
});

test("account-locked without an unlock time says an operator must unlock it", async () => {
  const email = await renderEmail(
    { template: "account-locked", props: { name: "Ken Ito", unlocksAt: null } },
    envelope("en"),
  );
  const text = visibleText(email.html);
  expect(text).toContain("stays locked until the operator who manages your account unlocks it");
  expect(text).toContain("help@portal.example");
  expect(text).not.toContain("sign in again after");
});

test.each([
  ["en", "Unlock my account", "This link works once, until Sun, November 29, 2026", "stays locked until you unlock it"],
  [
    "ja",
    "アカウントのロックを解除する",
    "このリンクは1回のみ、2026年11月29日(日)",
    "下のボタンからお客様ご自身でロックを解除するか",
  ],
] as const)(
  "account-locked for good carries the single-use unlock link (%s)",
  async (locale, button, expiry, advice) => {
    const link = `https://portal.example/unlock/${"a".repeat(43)}`;
    const props = {
      name: "Ken Ito",
      unlocksAt: null,
      unlockLink: link,
      unlockLinkExpiresAt: "2026-11-29T02:31:00.000Z",
    };
    const email = await renderEmail({ template: "account-locked", props }, envelope(locale));
    const text = visibleText(email.html);
    expect(text).toContain(button);
    expect(text).toContain(expiry);
    expect(text).toContain(advice);
    expect(email.html).toContain(`href="${link}"`);
    expect(email.text).toContain(link);
  },
);

test("the recipient's time zone in the props wins; an unknown zone falls back to Asia/Tokyo", async () => {
  const at = "2026-11-29T01:31:00.000Z";
  const newYork = await renderEmail(
    { template: "account-locked", props: { name: "Ken Ito", unlocksAt: at, timeZone: "America/New_York" } },
    envelope("en"),
  );
  expect(visibleText(newYork.html)).toMatch(/Sat, November 28, 2026(,| at) 8:31\sPM EST/);
  const bogus = await renderEmail(
    { template: "account-locked", props: { name: "Ken Ito", unlocksAt: at, timeZone: "Mars/Olympus" } },
    envelope("en"),
  );
  expect(visibleText(bogus.html)).toMatch(/10:31\sAM GMT\+9/);
});

describe("terms-changed", () => {
  test.each([
    ["en", "We have updated our personal information terms", "Dear Mei Kato,", "version 2 of the Terms"],
    ["ja", "【Matrix Portal】個人情報の取扱いに関する規約改定のお知らせ", "Mei Kato 様", "第2版"],
  ] as const)("%s", async (locale, subject, greeting, version) => {
    const email = await renderEmail(
      { template: "terms-changed", props: { name: "Mei Kato", version: 2, publishedAt: "2026-11-29T00:00:00.000Z" } },
      envelope(locale),
    );
    const text = greetedText(email, subject, greeting);
    expect(text).toContain(version);
    expect(email.html).toContain('href="https://portal.example/terms"');
  });
});

describe("second-factor-changed", () => {
  const at = "2026-12-01T09:00:00.000Z";

  test.each(SECOND_FACTOR_CHANGES)(
    "%s: a subject and a body in both languages, the time in the recipient's zone",
    async (change) => {
      for (const locale of ["en", "ja"] as const) {
        const props = { name: "Hanako Yamada", change, at, passkeyName: "Work <laptop>", remaining: 3 };
        const email = await renderEmail({ template: "second-factor-changed", props }, envelope(locale));
        const text = visibleText(email.html);
        expect(text).toContain(email.subject);
        expect(text).toContain(locale === "en" ? "Dear Hanako Yamada," : "Hanako Yamada");
        expect(text).toContain(locale === "en" ? "6:00" : "18:00");
        expect(email.html).toContain('href="https://portal.example/dashboard"');
        expect(email.html).not.toContain("<laptop>");
      }
    },
  );

  test("English subjects name the change; a passkey's name and the codes left are in the text", async () => {
    const render = (props: Record<string, unknown>) =>
      renderEmail(
        { template: "second-factor-changed", props: { name: "Hanako Yamada", at, ...props } } as EmailMessage,
        envelope("en"),
      );
    const added = await render({ change: "passkeyAdded", passkeyName: "Work laptop" });
    expect(added.subject).toBe("A passkey was added to your account");
    expect(visibleText(added.html)).toContain("“Work laptop” was added on");
    const used = await render({ change: "recoveryCodeUsed", remaining: 1 });
    expect(visibleText(used.html)).toContain("You have 1 recovery code left.");
    const last = await render({ change: "recoveryCodeUsed", remaining: 0 });
    expect(visibleText(last.html)).toContain("You have no recovery codes left");
    const ja = await renderEmail(
      { template: "second-factor-changed", props: { name: "Hanako Yamada", at, change: "reset" } },
      envelope("ja"),
    );
    expect(ja.subject).toBe("【Matrix Portal】2段階認証リセットのお知らせ");
  });
});

test("every template is registered and renders its preview props", async () => {
  const previews = {
    "starting-guide": StartingGuideEmail.PreviewProps,
    "pattern-set": PatternSetEmail.PreviewProps,
    "account-locked": AccountLockedEmail.PreviewProps,
    "terms-changed": TermsChangedEmail.PreviewProps,
    "second-factor-changed": SecondFactorChangedEmail.PreviewProps,
  } as const;
  expect(Object.keys(emailTemplates).sort()).toEqual(Object.keys(previews).sort());
  for (const [template, preview] of Object.entries(previews)) {
    const { locale, appUrl, supportContact, organization, ...props } = preview;
    const email = await renderEmail({ template, props } as EmailMessage, {
      locale,
      appUrl,
      supportContact,
      organization,
    });
    expect(email.subject.length).toBeGreaterThan(0);
    expect(email.html).toContain("Matrix Portal");
    expect(email.text.length).toBeGreaterThan(0);
  }
});

describe("the footer of every email names the organization that sends it and its privacy contact", () => {
  const messages: EmailMessage[] = [
    startingGuide,
    { template: "pattern-set", props: { name: "Hanako Yamada", kind: "set", at: expiresAt } },
    { template: "account-locked", props: { name: "Taro Sato", unlocksAt: expiresAt } },
    { template: "terms-changed", props: { name: "Mei Kato", version: 2, publishedAt: expiresAt } },
  ];
  test.each([
    [
      "en",
      "Operated by Example Operations K.K., 2-2-2 Otemachi, Chiyoda-ku, Tokyo 100-0004, Japan",
      "Questions about your personal information: Privacy desk, privacy@example.co.jp, 03-1234-5678",
    ],
    [
      "ja",
      "運営：Example Operations K.K.（2-2-2 Otemachi, Chiyoda-ku, Tokyo 100-0004, Japan）",
      "個人情報に関するお問い合わせ：Privacy desk, privacy@example.co.jp, 03-1234-5678",
    ],
  ] as const)("%s", async (locale, operatedBy, privacyContact) => {
    for (const message of messages) {
      const email = await renderEmail(message, envelope(locale));
      const text = visibleText(email.html);
      expect(text).toContain(operatedBy);
      expect(text).toContain(privacyContact);
      // Last, after the automated-message note; and in the plain-text version too.
      expect(text.indexOf(operatedBy)).toBeGreaterThan(text.indexOf(locale === "en" ? "automated" : "自動送信"));
      expect(email.text).toContain(operatedBy);
      expect(email.text).toContain(privacyContact);
    }
  });
});

test("the plain-text version is exactly react-email's toPlainText (the converter is only compiled once)", async () => {
  const { toPlainText } = await import("@react-email/render");
  const messages: EmailMessage[] = [
    startingGuide,
    { template: "account-locked", props: { name: "Taro <b>Sato</b>", unlocksAt: expiresAt } },
    { template: "pattern-set", props: { name: "Hanako Yamada", kind: "changed", at: expiresAt } },
  ];
  for (const message of messages) {
    for (const locale of ["en", "ja"] as const) {
      const email = await renderEmail(message, envelope(locale));
      expect(email.text).toBe(
        toPlainText(email.html, { selectors: [{ selector: "h1", options: { uppercase: false } }] }),
      );
      expect(email.text.length).toBeGreaterThan(100);
    }
  }
});
