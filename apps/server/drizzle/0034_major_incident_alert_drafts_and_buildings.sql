CREATE TABLE "major_incident_alert_drafts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"major_incident_id" uuid NOT NULL,
	"msg_type" text NOT NULL,
	"alert_id" uuid,
	"alert" jsonb,
	"note" text,
	"state" text NOT NULL,
	"composed_at" timestamp with time zone NOT NULL,
	"composed_by" uuid,
	"composed_by_name" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_by_name" text,
	"reason" text,
	"published_alert_id" uuid
);
--> statement-breakpoint
CREATE TABLE "building_centroids" (
	"osm_id" bigint PRIMARY KEY NOT NULL,
	"location" geometry(Point, 4326) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "major_incident_alert_drafts" ADD CONSTRAINT "major_incident_alert_drafts_major_incident_id_major_incidents_id_fk" FOREIGN KEY ("major_incident_id") REFERENCES "public"."major_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_alert_drafts" ADD CONSTRAINT "major_incident_alert_drafts_alert_id_major_incident_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."major_incident_alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_alert_drafts" ADD CONSTRAINT "major_incident_alert_drafts_published_alert_id_major_incident_alerts_id_fk" FOREIGN KEY ("published_alert_id") REFERENCES "public"."major_incident_alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "major_incident_alert_drafts_major_idx" ON "major_incident_alert_drafts" USING btree ("major_incident_id","composed_at");--> statement-breakpoint
CREATE INDEX "building_centroids_location_gist" ON "building_centroids" USING gist ("location");