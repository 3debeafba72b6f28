import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // .next/standalone: server.js with only the files it needs, what `npm run start` and the
  // Dockerfile run. The migrations are read at run time (db/migrate.ts), so they are copied too.
  output: "standalone",
  outputFileTracingIncludes: { "/*": ["./db/migrations/**/*"] },
  // PGlite ships its own WASM and data files; bundling it breaks webpack builds.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "oidc-provider", "prom-client"],
  poweredByHeader: false,
  experimental: {
    // The admin CSV import (up to 10,000 rows, 5 MB) is a server action; the default limit is 1 MB.
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default withNextIntl(nextConfig);
