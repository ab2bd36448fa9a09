-- PostGIS for boundaries and places; ltree for the jurisdiction tree.
CREATE EXTENSION IF NOT EXISTS postgis;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS ltree;
