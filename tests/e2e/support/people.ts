import type { Browser, BrowserContext, Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { expectNoAxeViolations } from "./axe";

/*
 * Checks shared by the people specs: axe (WCAG 2.2 A/AA) and reflow at 320 CSS px (WCAG 1.4.10)
 * on the page on screen, collecting problems instead of stopping at the first, so one run
 * names every page that fails. With PEOPLE_SHOTS=<dir> it also saves a full-page screenshot
 * of each checked page at 1280 and 320 px, for people to look at.
 */

export type Locale = "en" | "ja";
export const LOCALES: readonly Locale[] = ["en", "ja"];
export const DESKTOP = { width: 1280, height: 720 };
const NARROW = { width: 320, height: 800 };
const shotsDir = process.env.PEOPLE_SHOTS;

export async function setLocaleCookie(
  context: BrowserContext,
  baseURL: string | undefined,
  locale: Locale,
): Promise<void> {
  await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
}

/** Elements sticking out past the right edge at the current width, for the failure message. */
async function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    if (width <= window.innerWidth) return null;
    const edge = window.innerWidth + 0.5;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > edge)
      .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= edge)
      .slice(0, 5)
      .map((element) => {
        const id = element.id ? `#${element.id}` : "";
        const cls =
          typeof element.className === "string" && element.className
            ? `.${element.className.trim().split(/\s+/).slice(0, 4).join(".")}`
            : "";
        return `${element.tagName.toLowerCase()}${id}${cls} (right ${Math.round(element.getBoundingClientRect().right)}px) "${(element.textContent ?? "").trim().slice(0, 40)}"`;
      });
    return `scrollWidth ${width}px; ${culprits.join("; ")}`;
  });
}

async function axeProblems(page: Page, label: string, problems: string[]): Promise<void> {
  await expectNoAxeViolations(page).catch((error: Error) => {
    const message = error.message.replace(/\u001b\[[0-9;]*m/g, "");
    const violations = message.split("\n").filter((line) => /^\s*[-+]\s+"/.test(line));
    problems.push(`${label} axe: ${violations.length > 0 ? violations.join(" | ") : message}`);
  });
}

async function screenshot(page: Page, label: string, width: number): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  const file = `${label.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "")}-${width}.png`;
  await page.screenshot({ path: `${shotsDir}/${file}`, fullPage: true, animations: "disabled" });
}

/**
 * axe at 1280 px and at 320 px (where the matrices are smallest: target size), then no
 * horizontal scrolling at 320 px. Leaves the page at the desktop size.
 */
export async function checkPage(page: Page, label: string, problems: string[]): Promise<void> {
  await page.waitForLoadState("load");
  await page.setViewportSize(DESKTOP);
  await axeProblems(page, `${label} (1280px)`, problems);
  await screenshot(page, label, DESKTOP.width);
  await page.setViewportSize(NARROW);
  await axeProblems(page, `${label} (320px)`, problems);
  const overflow = await horizontalOverflow(page);
  if (overflow) problems.push(`${label} overflows at 320px: ${overflow}`);
  await screenshot(page, label, NARROW.width);
  await page.setViewportSize(DESKTOP);
}

/**
 * Opens the page in each language in turn (the locale cookie, as the language switcher sets
 * it) and checks it. `open` loads the page (default: goto path) and may assert where it is.
 */
export async function checkInBothLanguages(
  page: Page,
  baseURL: string | undefined,
  label: string,
  problems: string[],
  open: (locale: Locale) => Promise<unknown>,
): Promise<void> {
  for (const locale of LOCALES) {
    await setLocaleCookie(page.context(), baseURL, locale);
    await open(locale);
    const lang = await page.locator("html").getAttribute("lang");
    if (!lang?.startsWith(locale)) problems.push(`${locale} ${label}: <html lang="${lang}">`);
    await checkPage(page, `${locale} ${label}`, problems);
  }
}

/** A browser with JavaScript turned off (English), as people with it off or on a slow page meet the portal. */
export async function contextWithoutJavaScript(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    extraHTTPHeaders: { "X-Forwarded-For": "198.18.250.1" },
  });
  await setLocaleCookie(context, baseURL, "en");
  return context;
}
