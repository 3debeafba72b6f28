import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import Link from "next/link";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { clientMessages } from "@/lib/i18n/client-messages";
import { currentUser } from "@/lib/sessions";
import { buttonClass } from "./components/styles";
import { SiteFooter } from "./components/SiteFooter";
import { SiteHeader } from "./components/SiteHeader";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return {
    title: { template: t("titleTemplate"), default: t("siteName") },
    description: t("description"),
    applicationName: t("siteName"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, messages, user] = await Promise.all([
    getLocale(),
    getTranslations("Site"),
    getMessages(),
    currentUser(),
  ]);
  const account = user ? (
    <Link href="/dashboard" className={`${buttonClass("secondary")} min-h-10 px-4 py-2 text-sm`}>
      {t("myAccount")}
    </Link>
  ) : undefined;
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col antialiased">
        {/* Passes locale, time zone and the client components' messages to the browser. */}
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <a
            href="#main"
            className="sr-only rounded-lg bg-surface font-semibold text-brand shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:px-4 focus:py-3"
          >
            {t("skipToContent")}
          </a>
          <SiteHeader account={account} />
          <main id="main" tabIndex={-1} className="flex-1 outline-none">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
