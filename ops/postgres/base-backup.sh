#!/usr/bin/env bash
# A base backup for point-in-time recovery (docs/operations.md). Run it daily (cron/systemd timer)
# as a role with REPLICATION; the WAL archive (archive-wal.sh) carries every change after it.
#   BASE_BACKUPS=/var/lib/firebreak/base PGHOST=db1 PGUSER=replicator ops/postgres/base-backup.sh
# Keeps the newest $KEEP base backups (default 7); WAL older than the oldest kept one may be pruned
# with pg_archivecleanup (see the runbook).
set -euo pipefail
dir="${BASE_BACKUPS:-/var/lib/firebreak/base}"
keep="${KEEP:-7}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dir"
pg_basebackup --pgdata="$dir/$stamp.partial" --format=tar --gzip --wal-method=stream --checkpoint=fast --label="firebreak $stamp" --progress --verbose
mv "$dir/$stamp.partial" "$dir/$stamp"
echo "base backup $dir/$stamp"
ls -1d "$dir"/*Z 2>/dev/null | sort | head -n "-$keep" | xargs -r rm -rf
