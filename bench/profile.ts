import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SourceMapConsumer } from "source-map-js";

/**
 * Summarises the V8 CPU profiles `next start --cpu-prof` wrote: self time per function and per
 * origin (framework, React, Auth.js, database driver, our bundled code, Node, GC), so the
 * report can say where the sign-in time goes. Turbopack bundles Auth.js, Drizzle, next-intl and
 * our code into .next/server chunks: those frames are traced back through the build's source
 * maps to the package or file they came from.
 */

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
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
  /** Self time per origin, and time with a frame of that origin anywhere on the stack (insideMs). */
  byOrigin: { origin: string; ms: number; share: number; insideMs: number }[];
  topFunctions: { name: string; origin: string; ms: number; share: number }[];
};

export function originOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  if (url.startsWith("node:")) return "node";
  if (/next\/dist\/compiled\/react-dom|react-dom|react-server-dom/.test(url)) return "react (render)";
  if (/@auth|next-auth|jose|@panva/.test(url)) return "auth.js / jose";
  if (/postgres|drizzle/.test(url)) return "database client";
  if (/next-intl|use-intl|intl-messageformat|@formatjs/.test(url)) return "next-intl (messages)";
  if (/next\/dist|node_modules\/next\//.test(url)) return "next (framework)";
  if (/\.next\/server/.test(url)) return "app bundle (.next/server)";
  if (/node_modules/.test(url)) return `other node_modules`;
  if (/^(\.\.\/)*(app|lib|db|emails)\/|^(\.\.\/)*(auth|proxy|env|instrumentation)\.ts/.test(url))
    return "our code (app, lib, db)";
  return "other";
}

/** Maps a frame in a bundled chunk to the file it was compiled from, when the chunk has a map. */
function sourceResolver() {
  const maps = new Map<string, SourceMapConsumer | null>();
  return (url: string, line: number, column: number): string => {
    const file = url.startsWith("file://") ? url.slice(7) : url;
    if (!file.includes("/.next/server/")) return url;
    if (!maps.has(file)) {
      maps.set(
        file,
        existsSync(`${file}.map`) ? new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, "utf8"))) : null,
      );
    }
    const source = maps.get(file)?.originalPositionFor({ line: line + 1, column }).source;
    return source
      ? decodeURIComponent(source)
          .replace(/^.*\[project\]\//, "")
          .replace(/^turbopack:\/+/, "")
      : url;
  };
}

export function summariseProfiles(dir: string, top = 25): ProfileSummary {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const resolve = sourceResolver();
  const byFunction = new Map<string, { name: string; origin: string; ms: number }>();
  const byOrigin = new Map<string, number>();
  const insideOrigin = new Map<string, number>();
  let totalMs = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as Profile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    const frames = new Map<number, { origin: string; source: string }>();
    const frame = (id: number) => {
      let known = frames.get(id);
      if (!known) {
        const { functionName, url, lineNumber, columnNumber } = nodes.get(id)!.callFrame;
        const source = url ? resolve(url, lineNumber, columnNumber) : "";
        known = { origin: originOf(source, functionName), source };
        frames.set(id, known);
      }
      return known;
    };
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const { origin, source } = frame(id);
      if (origin === "(idle)") return;
      totalMs += ms;
      const { functionName, lineNumber } = nodes.get(id)!.callFrame;
      const short = source.replace(/^.*\/(node_modules|\.next)\//, "$1/");
      const key = `${functionName || "(anonymous)"} ${short}:${lineNumber + 1}`;
      const entry = byFunction.get(key) ?? { name: key, origin, ms: 0 };
      entry.ms += ms;
      byFunction.set(key, entry);
      byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + ms);
      // Inclusive: each origin on the sample's stack is charged once.
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) seen.add(frame(at).origin);
      for (const o of seen) insideOrigin.set(o, (insideOrigin.get(o) ?? 0) + ms);
    });
  }
  const share = (ms: number) => (totalMs > 0 ? ms / totalMs : 0);
  return {
    files: files.length,
    totalMs,
    byOrigin: [...byOrigin]
      .map(([origin, ms]) => ({ origin, ms, share: share(ms), insideMs: insideOrigin.get(origin) ?? ms }))
      .sort((a, b) => b.ms - a.ms),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((f) => ({ ...f, share: share(f.ms) })),
  };
}
