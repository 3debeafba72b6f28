import { spawnSync } from "node:child_process";
import type { Dispatcher } from "undici";
import { startNginx } from "../tests/support/nginx";
import { floorFlow, runLoad, signInFlow, type BenchUser, type LoadResult } from "./support/load";
import { startServer, type RunningServer } from "./support/server";

/**
 * Table 1c: the sign-in and the framework floor through Debian's nginx (deploy/nginx/portal.conf)
 * with one instance behind it, then two (one per core), in one run. The instances trust two
 * hops: nginx appends its peer (127.0.0.1) to each virtual user's own X-Forwarded-For, and the
 * per-address limits should see the users, as behind a load balancer in front of nginx.
 */
export type NginxRow = { instances: number; signIn: LoadResult; floor: LoadResult };

export const nginxInstalled = () => spawnSync("nginx", ["-v"]).status === 0;

export async function measureThroughNginx(options: {
  agent: Dispatcher;
  users: readonly BenchUser[];
  env: Record<string, string>;
  basePort: number;
  vus: number;
  warmupMs: number;
  durationMs: number;
}): Promise<NginxRow[]> {
  const { agent, env, basePort, vus, warmupMs, durationMs } = options;
  const nginxPort = basePort;
  const appEnv = { ...env, APP_URL: `http://127.0.0.1:${nginxPort}`, TRUSTED_PROXY_HOPS: "2" };
  const servers: RunningServer[] = [];
  const rows: NginxRow[] = [];
  try {
    for (const instances of [1, 2]) {
      while (servers.length < instances) servers.push(await startServer(basePort + 1 + servers.length, appEnv));
      const nginx = await startNginx(
        nginxPort,
        servers.map((_, index) => basePort + 1 + index),
      );
      try {
        const signIn = signInFlow(options.users);
        const floor = floorFlow();
        // Warm every instance (round robin spreads the warm-up) before anything is counted.
        await runLoad(nginx.url, agent, signIn, { vus, warmupMs: 0, durationMs: 2_000 * instances });
        await runLoad(nginx.url, agent, floor, { vus, warmupMs: 0, durationMs: 2_000 * instances });
        const load = { vus, warmupMs, durationMs };
        const floorResult = await runLoad(nginx.url, agent, floor, load);
        const signInResult = await runLoad(nginx.url, agent, signIn, load);
        rows.push({ instances, signIn: signInResult, floor: floorResult });
        console.error(
          `[bench] nginx, ${instances} instance(s), ${vus} VUs: sign-in ${(signInResult.completed / signInResult.seconds).toFixed(1)}/s, floor ${(floorResult.completed / floorResult.seconds).toFixed(1)}/s`,
        );
      } finally {
        await nginx.stop();
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
  return rows;
}
