import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A PostgreSQL server of our own, in a temporary folder, so a test may stop and start it
 * without touching the shared cluster on 5432. Needs root (the server runs as `postgres`).
 */
export type PrivatePostgres = {
  url: string;
  port: number;
  start(): void;
  /** Fast shutdown: open sessions are terminated (57P01), like a crash of the server. */
  stop(): void;
  running(): boolean;
  /** Stops the server and deletes its folder. Safe to call twice. */
  destroy(): void;
  /** Runs SQL with psql and returns its rows (tab-separated, no header). */
  sql(query: string): string;
};

function binaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = readdirSync(root).sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0) throw new Error("No PostgreSQL under /usr/lib/postgresql");
  return join(root, versions.at(-1)!, "bin");
}

const asPostgres = (bin: string, args: string[]) =>
  execFileSync("runuser", ["-u", "postgres", "--", bin, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });

export function createPrivatePostgres(port: number): PrivatePostgres {
  const bin = binaries();
  const dir = mkdtempSync(join(tmpdir(), "rel-pg-"));
  chmodSync(dir, 0o700);
  execFileSync("chown", ["postgres:postgres", dir]);
  asPostgres(join(bin, "initdb"), ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const logFile = join(dir, "server.log");
  let destroyed = false;
  const pgCtl = (args: string[]) => asPostgres(join(bin, "pg_ctl"), ["-D", dir, ...args]);
  const server: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start() {
      pgCtl(["-o", `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`, "-l", logFile, "-w", "start"]);
    },
    stop() {
      pgCtl(["-m", "fast", "-w", "stop"]);
    },
    running() {
      return spawnSync("runuser", ["-u", "postgres", "--", join(bin, "pg_ctl"), "-D", dir, "status"]).status === 0;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (server.running()) pgCtl(["-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
    sql(query) {
      return execFileSync(
        join(bin, "psql"),
        ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-AtqX", "-F", "\t", "-c", query],
        { encoding: "utf8" },
      ).trim();
    },
  };
  // Also when the test runner stops early (Ctrl+C, a crash): never leave a server behind.
  process.once("exit", () => server.destroy());
  server.start();
  return server;
}
