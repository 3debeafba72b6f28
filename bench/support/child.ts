import { spawn } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

/**
 * Runs a bench task (bench/tasks/*.ts) in its own process with `env`: env.ts reads the
 * environment once per process, and each task needs its own (mail transport, NODE_ENV).
 * Resolves with the JSON the task prints after "BENCH_RESULT ".
 */
export function runTask<T>(task: string, args: string[], env: Record<string, string>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, "node_modules", ".bin", "tsx"), [join(root, "bench", "tasks", task), ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err = (err + chunk.toString()).slice(-20_000)));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (code === 0 && line) resolve(JSON.parse(line.slice("BENCH_RESULT ".length)) as T);
      else reject(new Error(`bench task ${task} failed (exit ${code}):\n${err}\n${out.slice(-4000)}`));
    });
  });
}
