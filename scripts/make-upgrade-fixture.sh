#!/usr/bin/env bash
# Remakes fixtures/upgrade/level-0032-demo-day.dump (issue 21, "migrations tested on a copy of real
# data"): the demo world and 24 simulated hours (seed 21, 6 calls/h, injected clock), written by
# the release at commit e980549 (migration level 0032), dumped with pg_dump -Fc -Z 9.
# Read by apps/server/src/platform/db/upgrade-fixture.int.test.ts. About 2 minutes; needs the
# PostgreSQL server of DATABASE_URL's host (a superuser: it creates and drops a scratch database).
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres [OUT=file] scripts/make-upgrade-fixture.sh [commit] [hours]
set -euo pipefail
commit="${1:-e980549}" hours="${2:-24}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
server="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
db="fixture_$$"
old="$(mktemp -d)"
out="${OUT:-$repo/fixtures/upgrade/level-0032-demo-day.dump}"
cleanup() {
  psql "$server" -qc "drop database if exists $db with (force)" || true
  git -C "$repo" worktree remove --force "$old" || true
}
trap cleanup EXIT
git -C "$repo" worktree add --detach "$old" "$commit"
# Hard links: the old release runs on this checkout's packages (same file system, no copy).
cp -al "$repo/node_modules" "$old/node_modules"
for d in "$repo"/apps/*/node_modules "$repo"/packages/*/node_modules; do
  rel="${d#"$repo"/}"
  [ -d "$old/$(dirname "$rel")" ] && cp -al "$d" "$old/$rel"
done
cp "$repo/scripts/upgrade-fixture-world.ts" "$old/scripts/"
psql "$server" -qc "create database $db"
url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' "$server" "$db")"
# The test audit key and admin password (apps/server/test/template.ts): the test verifies the chain's MACs.
(cd "$old" && DATABASE_URL="$url" DATABASE_OWNER_URL="$url" AUDIT_SIGNING_KEY='EZiRrC6izRA2z+XUHdL3FA16VLwpnU0SPjA1XcqlveU=' \
  FIREBREAK_ADMIN_PASSWORD=test-admin-password-0001 node --import tsx scripts/upgrade-fixture-world.ts --hours "$hours")
mkdir -p "$(dirname "$out")"
pg_dump --format=custom --compress=9 --no-owner --no-acl --dbname="$url" --file="$out.partial"
mv "$out.partial" "$out"
ls -l "$out"
