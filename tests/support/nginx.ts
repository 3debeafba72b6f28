import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * Debian's nginx (installed by .ci/run) in front of local instances, with the portal's own
 * deploy/nginx/portal.conf; the upstream and the listening port are this test's. Test-only:
 * X-Served-By says which instance answered.
 */
export type Nginx = { url: string; stop(): Promise<void> };

export async function startNginx(port: number, upstreams: readonly number[]): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), "rel-nginx-"));
  const conf = join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `user root;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream portal {
${upstreams.map((upstream) => `    server 127.0.0.1:${upstream} max_fails=0;`).join("\n")}
  }
  server {
    listen 127.0.0.1:${port};
    add_header X-Served-By $upstream_addr always;
    include ${resolve("deploy/nginx/portal.conf")};
  }
}
`,
  );
  const child: ChildProcess = spawn("nginx", ["-c", conf, "-p", dir, "-g", "daemon off;"], { stdio: "inherit" });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error("nginx did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGQUIT");
      await new Promise((r) => child.once("exit", r));
      if (!process.env.KEEP_NGINX) rmSync(dir, { recursive: true, force: true });
    },
  };
}
