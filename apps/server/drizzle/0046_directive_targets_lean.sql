ALTER TABLE "directive_targets" DROP CONSTRAINT "directive_targets_directive_id_directives_id_fk";
--> statement-breakpoint
ALTER TABLE "directive_targets" DROP CONSTRAINT "directive_targets_jurisdiction_id_jurisdictions_id_fk";
--> statement-breakpoint
DROP INDEX "directive_targets_path_gist";--> statement-breakpoint
CREATE INDEX "directive_targets_jurisdiction_idx" ON "directive_targets" USING btree ("jurisdiction_id");--> statement-breakpoint
-- directive_targets without per-row foreign keys (docs/benchmarks.md "Directives: what dominates", wave 13): a national
-- directive inserts 3,000 targets in one statement, and the two foreign keys' per-row checks (one trigger call and
-- one parent row lock per target and key) were about half of that statement's time, the GiST on the path most of the
-- rest. The same guarantees, set-based: each insert statement is checked once against both parents (and the
-- target's path against its jurisdiction's), a target never moves to another directive or jurisdiction, and a
-- directive or jurisdiction that has targets cannot be deleted nor change its id. Nothing deletes either today.
CREATE FUNCTION directive_targets_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_targets n
      LEFT JOIN directives d ON d.id = n.directive_id
      LEFT JOIN jurisdictions j ON j.id = n.jurisdiction_id
      WHERE d.id IS NULL OR j.id IS NULL OR j.path <> n.jurisdiction_path) THEN
    RAISE EXCEPTION 'directive_targets: a target names no existing directive, or no existing jurisdiction at its path'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER directive_targets_parents AFTER INSERT ON directive_targets
  REFERENCING NEW TABLE AS new_targets FOR EACH STATEMENT EXECUTE FUNCTION directive_targets_check_parents();--> statement-breakpoint
-- The comparison is in the body, not in a WHEN clause of the trigger: a WHEN clause comparing ltree
-- values is dumped by pg_dump as `=` on public.ltree, which pg_restore (search_path empty) cannot
-- resolve, so every backup restore and database copy on PostgreSQL failed (found by failover.int.test).
CREATE FUNCTION directive_targets_refuse_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.directive_id, OLD.jurisdiction_id, OLD.jurisdiction_path::text) IS DISTINCT FROM (NEW.directive_id, NEW.jurisdiction_id, NEW.jurisdiction_path::text) THEN
    RAISE EXCEPTION 'directive_targets: a target stays with its directive and jurisdiction' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER directive_targets_stay BEFORE UPDATE OF directive_id, jurisdiction_id, jurisdiction_path ON directive_targets
  FOR EACH ROW EXECUTE FUNCTION directive_targets_refuse_move();--> statement-breakpoint
CREATE FUNCTION directive_targets_keep_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.id = NEW.id THEN
    RETURN NEW;
  END IF;
  IF (TG_TABLE_NAME = 'directives' AND EXISTS (SELECT 1 FROM directive_targets WHERE directive_id = OLD.id))
     OR (TG_TABLE_NAME = 'jurisdictions' AND EXISTS (SELECT 1 FROM directive_targets WHERE jurisdiction_id = OLD.id)) THEN
    RAISE EXCEPTION '%: % has directive targets and is kept', TG_TABLE_NAME, OLD.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER directives_keep_targeted BEFORE DELETE OR UPDATE OF id ON directives
  FOR EACH ROW EXECUTE FUNCTION directive_targets_keep_parent();--> statement-breakpoint
CREATE TRIGGER jurisdictions_keep_targeted BEFORE DELETE OR UPDATE OF id ON jurisdictions
  FOR EACH ROW EXECUTE FUNCTION directive_targets_keep_parent();
