#!/usr/bin/env bash
# Fails when db/schema has changes that no migration in db/migrations captures.
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot=$(mktemp -d)
trap 'rm -rf "$snapshot"' EXIT
cp -a db/migrations/. "$snapshot/"
npx drizzle-kit generate --name drift_check >/dev/null
if ! diff -r "$snapshot" db/migrations >/dev/null; then
  echo "db/schema has changes without a migration. Run: npm run db:generate -- --name <change>" >&2
  rm -rf db/migrations && mkdir db/migrations && cp -a "$snapshot/." db/migrations/
  exit 1
fi
echo "schema and migrations agree"
