import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * PGlite has no file lock, and two processes on one folder silently lose rows. The process that
 * opens a folder therefore holds `<folder>.lock` (its pid), serves the database to the other
 * processes of the same local user through pglite-socket, and every later process connects
 * through that socket instead of opening the folder.
 *
 * pglite-socket does no authentication (PGlite trusts every startup message), so the socket is
 * never a TCP port, which any local user could reach: it is a Unix socket in `<folder>.run`, a
 * folder only the app's own user can enter (0700, refused if another user owns it). The lock is
 * 0600 and the PGlite folder 0700, since its files are the database itself.
 */

export type PgliteTarget =
  | { kind: "owner"; pglite: import("@electric-sql/pglite").PGlite; close: () => Promise<void> }
  | { kind: "guest"; socketPath: string };

type LockInfo = { pid: number; serving: boolean };

/** Unix socket paths are limited to about 104-108 bytes depending on the system. */
const MAX_SOCKET_PATH = 100;

/** Where the owner of `folder` serves it: what guests connect to. */
export function hostPaths(folder: string) {
  return { lockFile: `${folder}.lock`, runDir: `${folder}.run`, socketPath: `${folder}.run/socket` };
}

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

function writeLock(file: string, info: LockInfo, flag: "wx" | "w"): void {
  writeFileSync(file, JSON.stringify(info), { flag, mode: 0o600 });
}

function claimLock(file: string): { claimed: true } | { claimed: false; holder: LockInfo } {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeLock(file, { pid: process.pid, serving: false }, "wx");
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

/** A 0700 folder of this user's: the socket's only protection. */
function privateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  const stat = lstatSync(path);
  if (!stat.isDirectory() || stat.uid !== process.getuid?.()) {
    throw new Error(`${path} must be a folder owned by the user running the app; remove it and start again.`);
  }
  chmodSync(path, 0o700);
}

export async function openPglite(dataDir: string): Promise<PgliteTarget> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (dataDir.startsWith("memory://")) {
    const pglite = await PGlite.create(dataDir);
    return { kind: "owner", pglite, close: () => pglite.close() };
  }
  // turbopackIgnore: data files must not join the module graph, or every write reloads `next dev`.
  const folder = resolve(/* turbopackIgnore: true */ process.cwd(), dataDir);
  const { lockFile, runDir, socketPath } = hostPaths(folder);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    throw new Error(
      `The database folder path is too long for its socket (${socketPath}); set PGLITE_DIR to a shorter path.`,
    );
  }
  mkdirSync(dirname(folder), { recursive: true });
  const claim = claimLock(lockFile);
  if (!claim.claimed) {
    if (!claim.holder.serving) {
      throw new Error(
        `The database in ${dataDir} is opening in process ${claim.holder.pid}; try again in a few seconds.`,
      );
    }
    return { kind: "guest", socketPath };
  }
  privateFolder(runDir);
  const pglite = await PGlite.create(folder);
  chmodSync(folder, 0o700);
  // We hold the lock, so a socket file left here is a crashed owner's.
  if (existsSync(/* turbopackIgnore: true */ socketPath)) unlinkSync(socketPath);
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const server = new PGLiteSocketServer({ db: pglite, path: socketPath, maxConnections: 8 });
  await server.start();
  writeLock(lockFile, { pid: process.pid, serving: true }, "w");
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
