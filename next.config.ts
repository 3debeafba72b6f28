import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships its own WASM and data files; bundling it breaks webpack builds.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
