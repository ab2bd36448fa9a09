-- The transport trail's link to its permit, checked per statement instead of per fix (issue 18 §3,
-- transport fixes at the node's AVL rate). The foreign key ran one RI query per trail row: an index
-- lookup of goods_permits and a FOR KEY SHARE lock of a row the batch already holds FOR UPDATE, 9,000
-- times for a batch of 9,000 fixes of 500 permits, about three quarters of the trail insert (EXPLAIN
-- ANALYZE, docs/benchmarks.md "Transport fixes through MQTT: what dominates"). The same promise is
-- kept by the database, set-wise: every statement that adds or changes trail rows is checked once,
-- by an anti-join of its distinct permits; and a permit, once issued, is never deleted nor given
-- another id (a permit is the record of a load that moved, as its ledger transfers are), so no check
-- can be undone by a concurrent delete and no lock per row is needed.
ALTER TABLE "goods_transport_trail" DROP CONSTRAINT "goods_transport_trail_permit_id_goods_permits_id_fk";--> statement-breakpoint
CREATE OR REPLACE FUNCTION goods_transport_trail_of_permits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM (SELECT DISTINCT permit_id FROM changed) t
      WHERE NOT EXISTS (SELECT 1 FROM goods_permits p WHERE p.id = t.permit_id)) THEN
    RAISE EXCEPTION 'a trail fix names no transport permit' USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'goods_transport_trail_permit', TABLE = 'goods_transport_trail';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER goods_transport_trail_permit_insert AFTER INSERT ON goods_transport_trail
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION goods_transport_trail_of_permits();--> statement-breakpoint
CREATE TRIGGER goods_transport_trail_permit_update AFTER UPDATE ON goods_transport_trail
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION goods_transport_trail_of_permits();--> statement-breakpoint
CREATE OR REPLACE FUNCTION goods_permits_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id = OLD.id THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'transport permits are never deleted nor renumbered: cancel one instead' USING ERRCODE = 'restrict_violation', CONSTRAINT = 'goods_permits_kept', TABLE = 'goods_permits';
END $$;--> statement-breakpoint
CREATE TRIGGER goods_permits_kept BEFORE DELETE OR UPDATE OF id ON goods_permits
  FOR EACH ROW EXECUTE FUNCTION goods_permits_kept();--> statement-breakpoint
CREATE TRIGGER goods_permits_no_truncate BEFORE TRUNCATE ON goods_permits
  FOR EACH STATEMENT EXECUTE FUNCTION goods_permits_kept();
--> statement-breakpoint
-- Every MQTT batch rewrites the watch state of each permit that reported (500 rows for 500 vehicles).
-- On full pages each new row version lands on another page, so all three indexes (id, state, the
-- desk's path, a GiST) get an entry per permit per batch; with room on the page the update is HOT and
-- touches none: EXPLAIN ANALYZE of that update, 500 permits: 10 ms and 770 kB of WAL at the default
-- fillfactor, 5 ms and 124 kB at 50. New pages keep the room; rows on pages filled before this
-- migration get it as they are updated and their page is pruned.
ALTER TABLE "goods_permits" SET (fillfactor = 50);
