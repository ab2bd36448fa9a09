ALTER TABLE "major_incident_points" ADD COLUMN "cordon_kind" text;--> statement-breakpoint
ALTER TABLE "major_incident_points" ADD COLUMN "roads" integer;--> statement-breakpoint
ALTER TABLE "major_incident_points" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "major_incident_points" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "major_incident_points" ADD COLUMN "assigned_by" uuid;--> statement-breakpoint
ALTER TABLE "major_incident_sitreps" ADD COLUMN "reinforcement_request_id" uuid;--> statement-breakpoint
ALTER TABLE "major_incident_points" ADD CONSTRAINT "major_incident_points_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_sitreps" ADD CONSTRAINT "major_incident_sitreps_reinforcement_request_id_reinforcement_requests_id_fk" FOREIGN KEY ("reinforcement_request_id") REFERENCES "public"."reinforcement_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "major_incident_points_unit_idx" ON "major_incident_points" USING btree ("unit_id") WHERE unit_id is not null and removed_at is null;