#!/usr/bin/env bash
# Point-in-time recovery into a NEW, empty data directory (docs/operations.md). Never touches the old one.
#   ops/postgres/pitr-restore.sh <base-backup-dir> <new-pgdata> ['2026-12-06 13:05:00+00']
# Without a target time it replays the whole archive (recovery to the latest WAL).
# Then: start PostgreSQL on <new-pgdata>, check it, and run `firebreak backup verify` or
# `firebreak audit verify --checkpoint <file>` against it before pointing the nodes at it.
set -euo pipefail
base="$1" pgdata="$2" target="${3:-}"
archive="${WAL_ARCHIVE:-/var/lib/firebreak/wal}"
if [ -e "$pgdata" ] && [ -n "$(ls -A "$pgdata" 2>/dev/null)" ]; then
  echo "pitr-restore: $pgdata is not empty; restore into a new directory" >&2
  exit 1
fi
mkdir -p "$pgdata"
chmod 700 "$pgdata"
tar -xzf "$base/base.tar.gz" -C "$pgdata"
mkdir -p "$pgdata/pg_wal"
[ -f "$base/pg_wal.tar.gz" ] && tar -xzf "$base/pg_wal.tar.gz" -C "$pgdata/pg_wal"
{
  echo "restore_command = 'cp \"$archive/%f\" \"%p\"'"
  if [ -n "$target" ]; then
    echo "recovery_target_time = '$target'"
    echo "recovery_target_action = 'promote'"
  fi
} >> "$pgdata/postgresql.auto.conf"
touch "$pgdata/recovery.signal"
echo "ready: start PostgreSQL on $pgdata; it replays WAL from $archive${target:+ up to $target} and then accepts writes"
