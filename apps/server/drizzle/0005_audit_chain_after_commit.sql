-- Audit rows are written unchained by commands and linked into the hash chain after commit by
-- one chainer (platform/audit/chainer.ts): no chain lock inside every command's transaction.
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_id_unique";--> statement-breakpoint
ALTER TABLE "audit_log" ADD PRIMARY KEY ("id");--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "seq" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_seq_unique" UNIQUE("seq");--> statement-breakpoint
CREATE INDEX "audit_log_unchained_idx" ON "audit_log" USING btree ("at","id") WHERE seq is null;--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log;--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();--> statement-breakpoint
-- The one UPDATE allowed: linking an unchained row (seq, prev_hash, hash from null to set),
-- with every recorded column unchanged. Anything else is refused.
CREATE OR REPLACE FUNCTION audit_log_guard_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.seq IS NULL AND OLD.hash IS NULL AND OLD.prev_hash IS NULL
     AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
     AND (NEW.id, NEW.at, NEW.actor_id, NEW.actor_name, NEW.action, NEW.entity_type, NEW.entity_id,
          NEW.jurisdiction_path, NEW.before, NEW.after, NEW.request_id)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.at, OLD.actor_id, OLD.actor_name, OLD.action, OLD.entity_type, OLD.entity_id,
          OLD.jurisdiction_path, OLD.before, OLD.after, OLD.request_id)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (UPDATE refused)' USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_guard_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard_update();
