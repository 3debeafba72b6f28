import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * PGlite has no file lock, and two processes on one folder silently lose rows. The process that
 * opens a folder therefore holds `<folder>.lock` (its pid and a loopback socket port), serves
 * the database to other local processes through pglite-socket, and every later process
 * connects through that socket instead of opening the folder.
 */

export type PgliteTarget =
  | { kind: "owner"; pglite: import("@electric-sql/pglite").PGlite; close: () => Promise<void> }
  | { kind: "guest"; url: string };

type LockInfo = { pid: number; port: number | null };

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function guestUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

function claimLock(file: string): { claimed: true } | { claimed: false; holder: LockInfo } {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, port: null }), { flag: "wx" });
      return { claimed: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) return { claimed: false, holder };
      if (existsSync(file)) unlinkSync(file); // a crashed process left it behind
    }
  }
  throw new Error(`Could not take the database lock ${file}; remove it if no app is running.`);
}

export async function openPglite(dataDir: string): Promise<PgliteTarget> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (dataDir.startsWith("memory://")) {
    const pglite = await PGlite.create(dataDir);
    return { kind: "owner", pglite, close: () => pglite.close() };
  }
  // turbopackIgnore: data files must not join the module graph, or every write reloads `next dev`.
  const folder = resolve(/* turbopackIgnore: true */ process.cwd(), dataDir);
  mkdirSync(dirname(folder), { recursive: true });
  const lockFile = `${folder}.lock`;
  const claim = claimLock(lockFile);
  if (!claim.claimed) {
    if (claim.holder.port === null) {
      throw new Error(`The database in ${dataDir} is opening in process ${claim.holder.pid}; try again in a few seconds.`);
    }
    return { kind: "guest", url: guestUrl(claim.holder.port) };
  }
  const pglite = await PGlite.create(folder);
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, port }));
  const release = () => {
    if (readLock(lockFile)?.pid === process.pid) unlinkSync(lockFile);
  };
  process.once("exit", release);
  return {
    kind: "owner",
    pglite,
    close: async () => {
      await server.stop();
      await pglite.close();
      release();
    },
  };
}
