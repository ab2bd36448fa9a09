CREATE TABLE "imported_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"unit_label" text NOT NULL,
	"unit_type" text,
	"dispatched_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"on_scene_at" timestamp with time zone,
	"cleared_at" timestamp with time zone,
	"sequence" integer
);
--> statement-breakpoint
ALTER TABLE "imported_responses" ADD CONSTRAINT "imported_responses_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imported_responses_incident_idx" ON "imported_responses" USING btree ("incident_id");