import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite ships its own WASM and data files; bundling it breaks webpack builds.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "oidc-provider", "prom-client"],
  poweredByHeader: false,
  experimental: {
    // The admin CSV import (up to 10,000 rows, 5 MB) is a server action; the default limit is 1 MB.
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default withNextIntl(nextConfig);
