import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Summarises the V8 CPU profiles `next start --cpu-prof` wrote: self time per function and per
 * origin (framework, React, Auth.js, database driver, our bundled code, Node, GC), so the
 * report can say where the sign-in time goes.
 */

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

export type ProfileSummary = {
  files: number;
  totalMs: number;
  byOrigin: { origin: string; ms: number; share: number }[];
  topFunctions: { name: string; origin: string; ms: number; share: number }[];
};

export function originOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  if (url.startsWith("node:")) return "node";
  if (/next\/dist\/compiled\/react-dom|react-dom|react-server-dom/.test(url))
    return "react (render)";
  if (/@auth|next-auth|jose/.test(url)) return "auth.js / jose";
  if (/postgres|drizzle/.test(url)) return "database client";
  if (/next\/dist/.test(url)) return "next (framework)";
  if (/\.next\/server/.test(url)) return "app bundle (.next/server)";
  if (/node_modules/.test(url)) return `other node_modules`;
  return "other";
}

export function summariseProfiles(dir: string, top = 25): ProfileSummary {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const byFunction = new Map<
    string,
    { name: string; origin: string; ms: number }
  >();
  const byOrigin = new Map<string, number>();
  let totalMs = 0;
  for (const file of files) {
    const profile = JSON.parse(
      readFileSync(join(dir, file), "utf8"),
    ) as Profile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const selfMs = new Map<number, number>();
    profile.samples.forEach((id, i) =>
      selfMs.set(
        id,
        (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000,
      ),
    );
    for (const [id, ms] of selfMs) {
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
      const origin = originOf(url, functionName);
      if (origin === "(idle)") continue;
      totalMs += ms;
      const short = url.replace(/^.*\/(node_modules|\.next)\//, "$1/");
      const key = `${functionName || "(anonymous)"} ${short}:${lineNumber + 1}`;
      const entry = byFunction.get(key) ?? { name: key, origin, ms: 0 };
      entry.ms += ms;
      byFunction.set(key, entry);
      byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + ms);
    }
  }
  const share = (ms: number) => (totalMs > 0 ? ms / totalMs : 0);
  return {
    files: files.length,
    totalMs,
    byOrigin: [...byOrigin]
      .map(([origin, ms]) => ({ origin, ms, share: share(ms) }))
      .sort((a, b) => b.ms - a.ms),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((f) => ({ ...f, share: share(f.ms) })),
  };
}
