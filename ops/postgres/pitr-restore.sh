#!/usr/bin/env bash
# Point-in-time recovery into a NEW, empty data directory (docs/operations.md). Never touches the old one.
# Run it as the PostgreSQL OS user (the server only starts on a folder it owns):
#   sudo -u postgres WAL_ARCHIVE=/var/lib/firebreak/wal ops/postgres/pitr-restore.sh <base-backup-dir> <new-pgdata> ['2026-12-06 13:05:00+00']
# Without a target time it replays the whole archive (recovery to the latest WAL). With one, the
# archive must hold WAL from after the target (PostgreSQL stops at the first commit past it and
# refuses to open a database whose target it never reached).
# Drilled by apps/server/test/pitr.int.test.ts.
# Then: start PostgreSQL on <new-pgdata>, check it, and run `firebreak backup verify` or
# `firebreak audit verify --checkpoint <file>` against it before pointing the nodes at it.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: pitr-restore.sh <base-backup-dir> <new-pgdata> [recovery target time]" >&2
  exit 2
fi
base="$1" pgdata="$2" target="${3:-}"
archive="${WAL_ARCHIVE:-/var/lib/firebreak/wal}"
if [ "$(id -u)" = 0 ]; then
  echo "pitr-restore: run this as the PostgreSQL OS user (sudo -u postgres …), not root: PostgreSQL refuses a data directory it does not own" >&2
  exit 1
fi
if [ ! -f "$base/base.tar.gz" ]; then
  echo "pitr-restore: $base/base.tar.gz not found; give a folder made by base-backup.sh" >&2
  exit 1
fi
if [ ! -d "$archive" ]; then
  echo "pitr-restore: WAL archive $archive not found; set WAL_ARCHIVE" >&2
  exit 1
fi
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
if [ ! -f "$pgdata/postgresql.conf" ]; then
  # Debian keeps postgresql.conf in /etc/postgresql/<version>/<cluster>, outside the backed-up folder.
  echo "note: $pgdata has no postgresql.conf; copy the old server's (and pg_hba.conf) in before starting" >&2
fi
echo "note: the restored server keeps the old archive_command: after recovery it archives into the same WAL archive on a new timeline" >&2
echo "ready: start PostgreSQL on $pgdata; it replays WAL from $archive${target:+ up to $target} and then accepts writes"
