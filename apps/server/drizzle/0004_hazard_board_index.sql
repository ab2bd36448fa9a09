-- The overdue board and the escalation sweep walk the hazards still owed in deadline order and
-- filter on the path inside the index (index-only), whatever the size of the subtree.
-- Drizzle cannot declare INCLUDE columns, hence a custom migration.
CREATE INDEX IF NOT EXISTS "hazards_owed_due_idx" ON "hazards" USING btree ("due_at", "id") INCLUDE ("jurisdiction_path") WHERE state in ('open', 'rectifying');
