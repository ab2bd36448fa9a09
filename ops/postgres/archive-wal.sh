#!/usr/bin/env bash
# PostgreSQL archive_command for continuous archiving (docs/operations.md, "PostgreSQL: point-in-time recovery").
#   archive_mode = on
#   archive_command = '/opt/firebreak/ops/postgres/archive-wal.sh %p %f'
# Copies one finished WAL segment into $WAL_ARCHIVE (default /var/lib/firebreak/wal), never
# overwriting a segment already there with different content (PostgreSQL retries on failure).
set -euo pipefail
src="$1" name="$2"
archive="${WAL_ARCHIVE:-/var/lib/firebreak/wal}"
mkdir -p "$archive"
if [ -e "$archive/$name" ]; then
  cmp -s "$src" "$archive/$name" && exit 0
  echo "archive-wal: $archive/$name exists with other content; refusing to overwrite" >&2
  exit 1
fi
cp "$src" "$archive/$name.partial"
sync "$archive/$name.partial" 2>/dev/null || true
mv "$archive/$name.partial" "$archive/$name"
