# Matrix Portal: the standalone server (one instance per container), and a tools image for the
# migrations and the mail worker. compose.yaml runs both; docs/OPERATIONS.md explains the rest.
# Build: docker build -t matrix-portal .   (tools: docker build --target tools -t matrix-portal-tools .)

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# `npm run build` = next build, then the browser's files copied into .next/standalone.
RUN npm run build

# Migrations (`npm run db:migrate`) and the mail worker (`npm run mail:worker`) run from the
# source with its dependencies: they are TypeScript run by tsx, not part of the server build.
# tsx runs in the node process itself (--import), so SIGTERM reaches the worker, which finishes
# or gives back its claimed batch before it exits.
FROM build AS tools
USER node
CMD ["node", "--import", "tsx", "scripts/mail-worker.ts"]

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    NEXT_MANUAL_SIG_HANDLE=true
# Only the standalone output: server.js, the traced node_modules, the migrations, the browser's files.
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
# The same check a load balancer makes: 200 when the database answers, 503 when it does not.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1, so SIGTERM (docker stop) reaches it and it shuts down gracefully
# (lib/platform/shutdown.ts, within SHUTDOWN_GRACE_SECONDS). Not `npm start`: npm would be PID 1.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
