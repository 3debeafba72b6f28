#!/usr/bin/env bash
# After `next build`: the standalone server (.next/standalone/server.js) serves the browser's
# files only from its own folder, and Next leaves copying them there to the deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .next/standalone/.next/static
cp -r .next/static .next/standalone/.next/static
if [ -d public ]; then rm -rf .next/standalone/public && cp -r public .next/standalone/public; fi
