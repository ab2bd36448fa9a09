CREATE TABLE "major_incident_casualties" (
	"major_incident_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"immediate" integer NOT NULL,
	"delayed" integer NOT NULL,
	"minor" integer NOT NULL,
	"deceased" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "major_incident_casualties_major_incident_id_position_id_pk" PRIMARY KEY("major_incident_id","position_id")
);
--> statement-breakpoint
CREATE TABLE "major_incident_cordons" (
	"major_incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"geom" geometry(Polygon, 4326) NOT NULL,
	"radius_m" integer,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" uuid,
	CONSTRAINT "major_incident_cordons_major_incident_id_kind_pk" PRIMARY KEY("major_incident_id","kind")
);
--> statement-breakpoint
CREATE TABLE "major_incident_position_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"position_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "major_incident_positions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"major_incident_id" uuid NOT NULL,
	"role" text NOT NULL,
	"section" text,
	"name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "major_incident_sector_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"major_incident_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "major_incident_sitreps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"major_incident_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"submitted_by_name" text NOT NULL,
	"post_id" uuid,
	"on_behalf" boolean NOT NULL,
	"due_at" timestamp with time zone,
	"late" boolean NOT NULL,
	"casualties" jsonb NOT NULL,
	"body" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "major_incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"level_name" text NOT NULL,
	"exercise" boolean NOT NULL,
	"state" text NOT NULL,
	"location" geometry(Point, 4326) NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"command_jurisdiction_id" uuid NOT NULL,
	"command_path" "ltree" NOT NULL,
	"inform_jurisdiction_id" uuid NOT NULL,
	"inform_path" "ltree" NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	"declared_by" uuid,
	"declared_by_name" text,
	"stood_down_at" timestamp with time zone,
	"report_up" jsonb NOT NULL,
	"sitrep_interval_min" integer NOT NULL,
	"sitrep_due_at" timestamp with time zone,
	"sitrep_escalated_for" timestamp with time zone,
	"sitrep_missed" integer DEFAULT 0 NOT NULL,
	"next_deadline_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "major_incident_casualties" ADD CONSTRAINT "major_incident_casualties_major_incident_id_major_incidents_id_fk" FOREIGN KEY ("major_incident_id") REFERENCES "public"."major_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_casualties" ADD CONSTRAINT "major_incident_casualties_position_id_major_incident_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."major_incident_positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_cordons" ADD CONSTRAINT "major_incident_cordons_major_incident_id_major_incidents_id_fk" FOREIGN KEY ("major_incident_id") REFERENCES "public"."major_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_position_holds" ADD CONSTRAINT "major_incident_position_holds_position_id_major_incident_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."major_incident_positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_position_holds" ADD CONSTRAINT "major_incident_position_holds_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_positions" ADD CONSTRAINT "major_incident_positions_major_incident_id_major_incidents_id_fk" FOREIGN KEY ("major_incident_id") REFERENCES "public"."major_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_sector_units" ADD CONSTRAINT "major_incident_sector_units_major_incident_id_major_incidents_id_fk" FOREIGN KEY ("major_incident_id") REFERENCES "public"."major_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_sector_units" ADD CONSTRAINT "major_incident_sector_units_position_id_major_incident_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."major_incident_positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_sector_units" ADD CONSTRAINT "major_incident_sector_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_sitreps" ADD CONSTRAINT "major_incident_sitreps_major_incident_id_major_incidents_id_fk" FOREIGN KEY ("major_incident_id") REFERENCES "public"."major_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_sitreps" ADD CONSTRAINT "major_incident_sitreps_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incidents" ADD CONSTRAINT "major_incidents_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incidents" ADD CONSTRAINT "major_incidents_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incidents" ADD CONSTRAINT "major_incidents_command_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("command_jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incidents" ADD CONSTRAINT "major_incidents_inform_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("inform_jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "major_incident_cordons_geom_gist" ON "major_incident_cordons" USING gist ("geom");--> statement-breakpoint
CREATE UNIQUE INDEX "major_incident_position_holds_open_idx" ON "major_incident_position_holds" USING btree ("position_id") WHERE to_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "major_incident_positions_commander_idx" ON "major_incident_positions" USING btree ("major_incident_id") WHERE role = 'commander';--> statement-breakpoint
CREATE UNIQUE INDEX "major_incident_positions_section_idx" ON "major_incident_positions" USING btree ("major_incident_id","section") WHERE role = 'section';--> statement-breakpoint
CREATE UNIQUE INDEX "major_incident_positions_sector_idx" ON "major_incident_positions" USING btree ("major_incident_id",lower("name")) WHERE role = 'sector';--> statement-breakpoint
CREATE UNIQUE INDEX "major_incident_sector_units_open_idx" ON "major_incident_sector_units" USING btree ("unit_id") WHERE to_at is null;--> statement-breakpoint
CREATE INDEX "major_incident_sector_units_major_idx" ON "major_incident_sector_units" USING btree ("major_incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "major_incident_sitreps_seq_idx" ON "major_incident_sitreps" USING btree ("major_incident_id","seq");--> statement-breakpoint
CREATE INDEX "major_incidents_path_gist" ON "major_incidents" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "major_incidents_next_deadline_idx" ON "major_incidents" USING btree ("next_deadline_at") WHERE next_deadline_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "major_incidents_incident_active_idx" ON "major_incidents" USING btree ("incident_id") WHERE incident_id is not null and state = 'active';