import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

// ESM-only packages that jest must transform; next/jest ignores all of node_modules otherwise.
const esmPackages = [
  "next-intl",
  "use-intl",
  "@formatjs",
  "icu-minify",
  "intl-messageformat",
  "@schummar",
  "next-auth",
  "@auth/core",
  "jose",
  "oauth4webapi",
  "@panva/hkdf",
  "preact",
  "preact-render-to-string",
  "@oslojs",
];

async function project(name, testEnvironment, extra = {}) {
  const config = await createJestConfig({
    displayName: name,
    testEnvironment,
    testMatch: [`<rootDir>/tests/${name}/**/*.test.ts?(x)`],
    moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
    setupFiles: ["<rootDir>/tests/setup/env.ts"],
    ...extra,
  })();
  config.transformIgnorePatterns = [`/node_modules/(?!(${esmPackages.join("|")})/)`];
  return config;
}

export default async function config() {
  return {
    projects: [
      await project("unit", "node"),
      await project("integration", "node", { slowTestThreshold: 15 }),
      await project("security", "node", { slowTestThreshold: 15 }),
      await project("components", "jsdom", { setupFilesAfterEnv: ["<rootDir>/tests/setup/dom.ts"] }),
    ],
    globalSetup: "<rootDir>/tests/setup/worker-databases.mjs",
    // A busy 2-core CI machine runs database suites slowly, two files at once: a file's first test
    // also opens its in-memory PGlite and applies every migration, which took up to 30 s under load.
    testTimeout: 60_000,
    collectCoverageFrom: ["lib/matrix/**/*.ts"],
    coverageReporters: ["text-summary"],
    coverageThreshold: { "./lib/matrix/": { branches: 100, functions: 100, lines: 100, statements: 100 } },
  };
}
