CREATE TABLE "coverage_moves" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"unit_id" uuid NOT NULL,
	"state" text NOT NULL,
	"post_lon" double precision NOT NULL,
	"post_lat" double precision NOT NULL,
	"post_name" text,
	"post_place_id" uuid,
	"eta_seconds" double precision,
	"share_before" double precision,
	"share_after" double precision,
	"ordered_by" uuid,
	"ordered_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "coverage_settings" (
	"jurisdiction_id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"category_hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"move_up_threshold" double precision NOT NULL,
	"move_up_minutes" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "places" ADD COLUMN "opening_hours" text;--> statement-breakpoint
ALTER TABLE "coverage_moves" ADD CONSTRAINT "coverage_moves_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_moves" ADD CONSTRAINT "coverage_moves_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_settings" ADD CONSTRAINT "coverage_settings_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coverage_moves_path_gist" ON "coverage_moves" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE UNIQUE INDEX "coverage_moves_open_unit_idx" ON "coverage_moves" USING btree ("unit_id") WHERE state = 'ordered';--> statement-breakpoint
CREATE INDEX "coverage_settings_path_gist" ON "coverage_settings" USING gist ("jurisdiction_path");