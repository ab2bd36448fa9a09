CREATE TABLE "patrol_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"title" text NOT NULL,
	"state" text NOT NULL,
	"shift_start" timestamp with time zone NOT NULL,
	"shift_end" timestamp with time zone NOT NULL,
	"minutes" double precision,
	"radius_metres" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "patrol_plans_shift_check" CHECK (shift_end > shift_start)
);
--> statement-breakpoint
CREATE TABLE "patrol_posts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"name" text NOT NULL,
	"lon" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"place_id" uuid,
	"serves" integer,
	"windows" jsonb NOT NULL,
	"unit_id" uuid,
	"assigned_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "patrol_plans" ADD CONSTRAINT "patrol_plans_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_posts" ADD CONSTRAINT "patrol_posts_plan_id_patrol_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."patrol_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_posts" ADD CONSTRAINT "patrol_posts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patrol_plans_path_gist" ON "patrol_plans" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "patrol_plans_shift_idx" ON "patrol_plans" USING btree ("shift_start");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_posts_plan_ordinal_idx" ON "patrol_posts" USING btree ("plan_id","ordinal");--> statement-breakpoint
CREATE INDEX "patrol_posts_unit_idx" ON "patrol_posts" USING btree ("unit_id") WHERE unit_id is not null;