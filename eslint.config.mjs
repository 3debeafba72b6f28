import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// The layering of docs/ARCHITECTURE.md, checked: app/ → lib/ → db/ → env.ts, and nothing back.
const restrictImports = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });
const onlyEnvReadsTheEnvironment = {
  "no-restricted-properties": [
    "error",
    { object: "process", property: "env", message: "Read settings through env.ts." },
  ],
};
const noDatabase = {
  group: ["@/db", "@/db/*"],
  message: "Pages and the proxy reach the database through a lib/ verb.",
};
const noApp = { group: ["@/app/*"], message: "Nothing imports from app/." };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  { files: ["app/**", "proxy.ts"], rules: restrictImports(noDatabase) },
  { files: ["lib/**", "db/**", "emails/**", "env.ts", "auth.ts"], rules: restrictImports(noApp) },
  {
    files: ["db/**"],
    rules: restrictImports(noApp, { group: ["@/lib/*"], message: "db/ never calls back into lib/." }),
  },
  {
    files: ["lib/matrix/**"],
    rules: restrictImports({
      group: ["@/*", "next", "next/*", "react", "node:*"],
      message: "lib/matrix is pure and framework-free.",
    }),
  },
  { files: ["app/**", "lib/**", "db/**", "emails/**", "proxy.ts", "auth.ts"], rules: onlyEnvReadsTheEnvironment },
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
  ]),
]);
