-- The large jsonb values of a command, compressed with lz4 instead of pglz where the server has it (issue 19 §3,
-- docs/benchmarks.md "Directives: what dominates", wave 17): a national directive writes its delivery events
-- (about 230 kB of outbox jsonb) and its audit row naming every target (about 230 kB) in its transaction, and pglz
-- spent about 10-13 ms on each such value inside it; lz4 about 1-2 ms, for a few percent more bytes. Values under
-- the TOAST threshold (about 2 kB: nearly every command's) are not compressed either way. Only new values are
-- written with lz4; old ones stay readable as they are. PGlite is built without lz4: it keeps pglz.
DO $$
BEGIN
  ALTER TABLE "outbox" ALTER COLUMN "data" SET COMPRESSION lz4;
  ALTER TABLE "audit_log" ALTER COLUMN "before" SET COMPRESSION lz4;
  ALTER TABLE "audit_log" ALTER COLUMN "after" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'this server has no lz4: outbox and audit values keep pglz';
END;
$$;
