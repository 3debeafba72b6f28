import { expect, test } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";

/**
 * `npm run dev` serves the demo operator and the development mailbox, so it listens on the
 * loopback interface only unless DEV_HOST says otherwise (package.json, README).
 */
const DEV_PORT = Number(process.env.REL_DEV_PORT ?? 3506);

/** Resolves with "open" or the connection error's code. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3_000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve("open");
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve("ETIMEDOUT");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

const outwardAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined && !entry.internal && !entry.address.startsWith("fe80:"))
    .map((entry) => entry!.address);

let dev: ChildProcess | undefined;
let dataDir: string | undefined;

test.afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev!.once("exit", resolve));
    // npm, its shell and next dev's own server process share the group started here.
    process.kill(-dev.pid, "SIGTERM");
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("npm run dev with nothing set listens on 127.0.0.1 only", async () => {
  dataDir = mkdtempSync(join(tmpdir(), "dev-binding-"));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development", PGLITE_DIR: join(dataDir, "pglite") };
  delete env.DEV_HOST;
  dev = spawn("npm", ["run", "dev", "--", "-p", String(DEV_PORT)], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  dev.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

  await expect.poll(() => tryConnect("127.0.0.1", DEV_PORT), { timeout: 60_000, message: output }).toBe("open");
  const outward = outwardAddresses();
  for (const address of outward)
    expect(await tryConnect(address, DEV_PORT), `${address}:${DEV_PORT}`).toBe("ECONNREFUSED");
  // The listening socket itself, as the kernel reports it.
  const listening = execFileSync("ss", ["-Hltn", `sport = :${DEV_PORT}`], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/)[3]);
  expect(listening).toEqual([`127.0.0.1:${DEV_PORT}`]);
  console.log(
    `dev binding: npm run dev listens on ${listening.join(", ")}; refused on ${outward.length} non-loopback address(es): ${outward.join(", ") || "none"}`,
  );
});
