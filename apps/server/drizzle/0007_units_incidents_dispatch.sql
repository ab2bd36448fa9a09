CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"state" text NOT NULL,
	"eta_seconds" double precision,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"en_route_at" timestamp with time zone,
	"on_scene_at" timestamp with time zone,
	"cleared_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"priority" text NOT NULL,
	"state" text NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"location" geometry(Point, 4326) NOT NULL,
	"address" text,
	"caller_number" text,
	"caller_purged_at" timestamp with time zone,
	"narrative" text,
	"received_at" timestamp with time zone NOT NULL,
	"tiers" jsonb NOT NULL,
	"next_deadline_at" timestamp with time zone,
	"created_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_track" (
	"unit_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"location" geometry(Point, 4326) NOT NULL,
	"speed_kmh" double precision,
	"heading" double precision
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"call_sign" text NOT NULL,
	"kind" text NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"home_station_id" uuid,
	"home_location" geometry(Point, 4326) NOT NULL,
	"crew_size" integer NOT NULL,
	"capabilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"on_duty" boolean NOT NULL,
	"duty_changed_at" timestamp with time zone NOT NULL,
	"incident_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_track" ADD CONSTRAINT "unit_track_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_home_station_id_places_id_fk" FOREIGN KEY ("home_station_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_incident_idx" ON "assignments" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_live_unit_idx" ON "assignments" USING btree ("unit_id") WHERE state not in ('cleared', 'cancelled');--> statement-breakpoint
CREATE INDEX "incidents_path_gist" ON "incidents" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "incidents_next_deadline_idx" ON "incidents" USING btree ("next_deadline_at") WHERE next_deadline_at is not null;--> statement-breakpoint
CREATE INDEX "incidents_location_gist" ON "incidents" USING gist ("location");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_track_unit_at_idx" ON "unit_track" USING btree ("unit_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "units_call_sign_idx" ON "units" USING btree (lower("call_sign"));--> statement-breakpoint
CREATE INDEX "units_path_gist" ON "units" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "units_dispatchable_idx" ON "units" USING btree ("status") WHERE on_duty and status in ('available', 'at_station');