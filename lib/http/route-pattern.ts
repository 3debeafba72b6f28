import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The route pattern a request path belongs to ("/authorize/[uid]", not the uid), for log lines
 * and metric labels: a fixed set, so a client cannot mint new label values. Read from the
 * build's routes-manifest.json (the same table Next matches with); anything it does not know is
 * "unmatched".
 */

type Route = { page: string; regex: RegExp };
type Manifest = { staticRoutes?: { page: string; regex: string }[]; dynamicRoutes?: { page: string; regex: string }[] };

let routes: Route[] | null = null;

function loadRoutes(): Route[] {
  // next start and the standalone server run from the directory holding .next; next dev writes .next/dev.
  for (const dir of [".next", join(".next", "dev")]) {
    const file = join(/* turbopackIgnore: true */ process.cwd(), dir, "routes-manifest.json");
    if (!existsSync(file)) continue;
    try {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
      return [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((route) => ({
        page: route.page,
        regex: new RegExp(route.regex),
      }));
    } catch {
      return [];
    }
  }
  return [];
}

export function routePattern(url: string | undefined): string {
  const path = (url ?? "/").split("?", 1)[0] || "/";
  if (path.startsWith("/_next/static/")) return "/_next/static";
  if (path.startsWith("/_next/")) return "/_next";
  routes ??= loadRoutes();
  return routes.find((route) => route.regex.test(path))?.page ?? "unmatched";
}
