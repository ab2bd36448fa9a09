CREATE TABLE "auth_epoch" (
	"id" integer PRIMARY KEY NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
-- Hand-written below: the counter row and the triggers that move it (actor-cache.ts relies on them).
INSERT INTO "auth_epoch" ("id", "n") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Deferred to commit and taken once per transaction: the row lock on the counter is always the
-- last lock a transaction takes, so it cannot close a deadlock cycle, and the new value becomes
-- visible atomically with the change it announces.
CREATE OR REPLACE FUNCTION auth_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('firebreak.auth_epoch_bumped', true) = 'yes' THEN RETURN NULL; END IF;
  PERFORM set_config('firebreak.auth_epoch_bumped', 'yes', true);
  UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER auth_epoch_sessions AFTER UPDATE OF revoked_at, expires_at, user_id, token_hash OR DELETE ON sessions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION auth_epoch_bump();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER auth_epoch_api_tokens AFTER UPDATE OF revoked_at, expires_at, user_id, token_hash OR DELETE ON api_tokens
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION auth_epoch_bump();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER auth_epoch_users AFTER UPDATE OF disabled_at, username, display_name, kind OR DELETE ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION auth_epoch_bump();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER auth_epoch_grants AFTER INSERT OR UPDATE OR DELETE ON grants
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION auth_epoch_bump();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER auth_epoch_mutual_aid AFTER INSERT OR UPDATE OR DELETE ON mutual_aid_agreements
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION auth_epoch_bump();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER auth_epoch_jurisdictions AFTER UPDATE OF path, name OR DELETE ON jurisdictions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION auth_epoch_bump();
