import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { migratePglite } from "@/db/migrate";
import { hostPaths, openPglite, type PgliteTarget } from "@/db/pglite-host";
import { newPerson } from "../support/people";

/**
 * The embedded database is shared with command-line tools through pglite-socket, which does no
 * authentication: only the app's own user may reach it. This file opens a real PGlite folder
 * (not memory://) in this process, as `npm run dev` does, and runs the real tools beside it.
 */

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), "pglite-host-"));
// Searchable by everyone, like a checkout: only the portal's own modes may keep others out.
chmodSync(root, 0o755);
const folder = join(root, "pglite");
const paths = hostPaths(folder);
let owner: Extract<PgliteTarget, { kind: "owner" }>;

beforeAll(async () => {
  const target = await openPglite(folder);
  if (target.kind !== "owner") throw new Error("expected to own the folder");
  owner = target;
  await migratePglite(owner.pglite);
}, 60_000);

afterAll(async () => {
  await owner?.close();
  rmSync(root, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

test("the lock is 0600, the socket folder and the database folder 0700, and the lock names no port", () => {
  expect(modeOf(paths.lockFile).toString(8)).toBe("600");
  expect(modeOf(paths.runDir).toString(8)).toBe("700");
  expect(modeOf(folder).toString(8)).toBe("700");
  expect(statSync(paths.socketPath).isSocket()).toBe(true);
  expect(JSON.parse(readFileSync(paths.lockFile, "utf8"))).toEqual({ pid: process.pid, serving: true });
});

test("another local user can neither connect to the database nor read the lock", async () => {
  // As root, the test impersonates `nobody`; as any other user it cannot switch users, and the
  // kernel's answer follows from the modes alone: nothing for group or others.
  if (process.getuid?.() !== 0) {
    expect(modeOf(paths.runDir) & 0o077).toBe(0);
    expect(modeOf(paths.lockFile) & 0o077).toBe(0);
    return;
  }
  const probe = `
    const net = require("node:net"), fs = require("node:fs");
    let lock; try { fs.readFileSync(${JSON.stringify(paths.lockFile)}); lock = "read"; } catch (e) { lock = e.code; }
    const socket = net.connect(${JSON.stringify(paths.socketPath)});
    socket.on("connect", () => { console.log(JSON.stringify({ lock, socket: "connected" })); process.exit(0); });
    socket.on("error", (e) => { console.log(JSON.stringify({ lock, socket: e.code })); process.exit(0); });`;
  const { stdout } = await run("runuser", ["-u", "nobody", "--", process.execPath, "-e", probe]);
  expect(JSON.parse(stdout)).toEqual({ lock: "EACCES", socket: "EACCES" });
});

test("npm run user:create beside the running owner registers through the socket", async () => {
  const person = newPerson();
  // The tool must find the folder's owner, not jest's memory:// or a PostgreSQL server.
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const { stdout } = await run(
    join(process.cwd(), "node_modules/.bin/tsx"),
    ["scripts/user-create.ts", "--email", person.email, "--name", person.name, "--phone", person.phone],
    { env: { ...inherited, PGLITE_DIR: folder, MAIL_TRANSPORT: "outbox" }, timeout: 60_000 },
  );
  expect(stdout).toContain(`Registered ${person.email}`);
  const { rows } = await owner.pglite.query<{ status: string }>("select status from users where email = $1", [
    person.email,
  ]);
  expect(rows).toEqual([{ status: "invited" }]);
}, 90_000);
