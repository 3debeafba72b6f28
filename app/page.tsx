import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { HeroArt } from "./components/HeroArt";
import { exampleCode, MatrixExample } from "./components/MatrixExample";
import { buttonClass, containerClass, linkClass } from "./components/styles";

export async function generateMetadata(): Promise<Metadata> {
  const [t, tm] = await Promise.all([getTranslations("Home"), getTranslations("Metadata")]);
  // The root layout's title template does not apply to the root page itself.
  return { title: { absolute: tm("titleTemplate").replace("%s", t("metaTitle")) } };
}

const steps = [
  { title: "step1Title", body: "step1Body" },
  { title: "step2Title", body: "step2Body" },
  { title: "step3Title", body: "step3Body" },
] as const;

const securityPoints = [
  { title: "security1Title", body: "security1Body", icon: "key" },
  { title: "security2Title", body: "security2Body", icon: "lock" },
  { title: "security3Title", body: "security3Body", icon: "shield" },
  { title: "security4Title", body: "security4Body", icon: "activity" },
] as const;

const iconPaths: Record<(typeof securityPoints)[number]["icon"], ReactNode> = {
  key: (
    <path d="M15 7a2 2 0 0 1 2 2m4 0a6 6 0 0 1-7.74 5.74L11 17H9v2H7v2H4a1 1 0 0 1-1-1v-2.59a1 1 0 0 1 .29-.7l6-6A6 6 0 1 1 21 9Z" />
  ),
  lock: (
    <path d="M12 15v2m-6 4h12a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2Zm10-10V7a4 4 0 0 0-8 0v4h8Z" />
  ),
  shield: (
    <path d="M9 12l2 2 4-4m5.62-4.02A11.96 11.96 0 0 1 12 2.94a11.96 11.96 0 0 1-8.62 3.04A12.02 12.02 0 0 0 3 9c0 5.59 3.82 10.29 9 11.62 5.18-1.33 9-6.03 9-11.62 0-1.04-.13-2.05-.38-3.02Z" />
  ),
  activity: (
    <path d="M9 19v-6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h2a2 2 0 0 0 2-2Zm0 0V9a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v10m-6 0a2 2 0 0 0 2 2h2a2 2 0 0 0 2-2m0 0V5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-2a2 2 0 0 1-2-2Z" />
  ),
};

export default async function HomePage() {
  const t = await getTranslations("Home");

  return (
    <>
      <section aria-labelledby="home-title" className="border-b border-line bg-surface">
        <div
          className={`${containerClass} grid items-center gap-12 py-14 sm:py-20 lg:grid-cols-[minmax(0,1fr)_minmax(0,29rem)]`}
        >
          <div className="max-w-3xl">
            <p className="text-sm font-semibold tracking-wide text-brand uppercase">{t("eyebrow")}</p>
            <h1 id="home-title" className="mt-3 text-2xl font-bold tracking-tight text-ink sm:text-5xl">
              {t("title")}
            </h1>
            <p className="mt-5 max-w-2xl text-lg text-muted">{t("lead")}</p>
            <div className="mt-8 flex flex-col gap-4 sm:flex-row sm:items-center sm:gap-6">
              <Link href="/login" className={`${buttonClass("primary")} px-8 text-lg sm:w-auto`}>
                {t("signIn")}
              </Link>
              <Link href="/faq" className={`${linkClass} inline-flex min-h-6 items-center self-start sm:self-auto`}>
                {t("noEmail")}
              </Link>
            </div>
            <p className="mt-6 text-sm text-muted">{t("newCustomerNote")}</p>
          </div>
          <HeroArt className="hidden w-full drop-shadow-sm lg:block" />
        </div>
      </section>

      <section aria-labelledby="how-title" className={`${containerClass} py-14 sm:py-20`}>
        <SectionIntro id="how-title" title={t("howTitle")} intro={t("howIntro")} />

        <div className="mt-10 grid gap-10 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)] lg:items-start">
          <ol className="space-y-6">
            {steps.map((step, index) => (
              <li key={step.title} className="flex gap-4">
                <span
                  aria-hidden="true"
                  className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand text-lg font-bold text-white"
                >
                  {index + 1}
                </span>
                <div>
                  <h3 className="text-lg font-semibold text-ink">
                    <span className="sr-only">{t("stepLabel", { number: index + 1 })}: </span>
                    {t(step.title)}
                  </h3>
                  <p className="mt-1 text-muted">{t(step.body)}</p>
                </div>
              </li>
            ))}
          </ol>

          <figure className="rounded-2xl border border-line bg-surface p-3 shadow-sm sm:p-6">
            <MatrixExample />
            <figcaption className="mt-5 text-sm text-muted">
              <span className="block font-semibold text-ink">{t("exampleTitle")}</span>
              <span className="mt-1 block">
                {t.rich("exampleCaption", {
                  code: (chunks) => (
                    <code className="rounded bg-accent-soft px-1.5 py-0.5 font-mono font-semibold tracking-widest text-ink">
                      {chunks}
                    </code>
                  ),
                  otp: exampleCode(),
                })}
              </span>
            </figcaption>
          </figure>
        </div>
      </section>

      <section aria-labelledby="security-title" className="border-y border-line bg-surface">
        <div className={`${containerClass} py-14 sm:py-20`}>
          <SectionIntro id="security-title" title={t("securityTitle")} intro={t("securityIntro")} />
          <ul className="mt-10 grid gap-6 sm:grid-cols-2">
            {securityPoints.map((point) => (
              <li key={point.title} className="flex gap-4 rounded-2xl border border-line bg-canvas p-5 sm:p-6">
                <span className="flex size-11 shrink-0 items-center justify-center rounded-xl bg-brand-soft text-brand">
                  <svg
                    aria-hidden="true"
                    viewBox="0 0 24 24"
                    className="size-6"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.8"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  >
                    {iconPaths[point.icon]}
                  </svg>
                </span>
                <div>
                  <h3 className="font-semibold text-ink">{t(point.title)}</h3>
                  <p className="mt-1 text-muted">{t(point.body)}</p>
                </div>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="help-title" className={`${containerClass} py-14 sm:py-16`}>
        <div className="flex flex-col gap-4 rounded-2xl bg-brand-soft p-6 sm:flex-row sm:items-center sm:justify-between sm:p-8">
          <div className="max-w-2xl">
            <h2 id="help-title" className="text-xl font-bold text-ink">
              {t("helpTitle")}
            </h2>
            <p className="mt-1 text-muted">{t("helpBody")}</p>
          </div>
          <Link href="/faq" className={`${buttonClass("secondary")} shrink-0`}>
            {t("helpLink")}
          </Link>
        </div>
      </section>
    </>
  );
}

/** A home page section's heading (its id names the section) and the sentence under it. */
function SectionIntro({ id, title, intro }: { id: string; title: string; intro: string }) {
  return (
    <div className="max-w-3xl">
      <h2 id={id} className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">
        {title}
      </h2>
      <p className="mt-3 text-lg text-muted">{intro}</p>
    </div>
  );
}
