-- The AVL track's link to its unit, checked per statement instead of per stored fix (issue 19 §2, the
-- same lever as migration 0045 for the transport trail). The foreign key ran one RI query per track
-- row: an index lookup of units and a FOR KEY SHARE lock of the unit's row (a tuple lock, written to
-- the heap page), for every fix an MQTT batch keeps. The same promise is kept by the database,
-- set-wise: every statement that adds or changes track rows is checked once, by an anti-join of its
-- distinct units; and a unit that has a track is never deleted nor given another id. Unlike permits,
-- units are deleted (an onboarding batch undone removes the units it created), so the delete check
-- looks for a track: it first takes unit_track in SHARE mode (conflicting with the ROW EXCLUSIVE every
-- insert takes), so an insert in flight commits before the check reads and one that comes after waits
-- for the delete and then finds the unit gone. Deleting units is rare and short; the AVL ingest never
-- waits on it otherwise. Comparisons are in the functions' bodies, never in a trigger's WHEN clause
-- (migration 0046: pg_restore cannot resolve an extension type's operator there).
ALTER TABLE "unit_track" DROP CONSTRAINT "unit_track_unit_id_units_id_fk";--> statement-breakpoint
CREATE OR REPLACE FUNCTION unit_track_of_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM (SELECT DISTINCT unit_id FROM changed) t
      WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.id = t.unit_id)) THEN
    RAISE EXCEPTION 'a track point names no unit' USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'unit_track_unit', TABLE = 'unit_track';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER unit_track_unit_insert AFTER INSERT ON unit_track
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION unit_track_of_units();--> statement-breakpoint
CREATE TRIGGER unit_track_unit_update AFTER UPDATE ON unit_track
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION unit_track_of_units();--> statement-breakpoint
-- The message says what PostgreSQL's own foreign key says ("is still referenced from table"), which
-- the onboarding undo reads to name what holds a unit it cannot remove.
CREATE OR REPLACE FUNCTION units_keep_tracked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id = OLD.id THEN
      RETURN NEW;
    END IF;
  END IF;
  LOCK TABLE unit_track IN SHARE MODE;
  IF EXISTS (SELECT 1 FROM unit_track t WHERE t.unit_id = OLD.id) THEN
    RAISE EXCEPTION 'update or delete on table "units" violates the link of table "unit_track"' USING ERRCODE = 'foreign_key_violation',
      CONSTRAINT = 'unit_track_unit', TABLE = 'units', DETAIL = format('Key (id)=(%s) is still referenced from table "unit_track".', OLD.id);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER units_keep_tracked BEFORE DELETE OR UPDATE OF id ON units
  FOR EACH ROW EXECUTE FUNCTION units_keep_tracked();--> statement-breakpoint
CREATE OR REPLACE FUNCTION units_no_truncate_tracked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE unit_track IN SHARE MODE;
  IF EXISTS (SELECT 1 FROM unit_track) THEN
    RAISE EXCEPTION 'units cannot be truncated while unit_track names them' USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'unit_track_unit', TABLE = 'units';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER units_no_truncate_tracked BEFORE TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION units_no_truncate_tracked();
