CREATE TABLE "major_incident_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"thread_id" uuid NOT NULL,
	"major_incident_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"identifier" text NOT NULL,
	"sender" text NOT NULL,
	"sent" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"msg_type" text NOT NULL,
	"references" text,
	"area_source" text NOT NULL,
	"area" jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"info" jsonb NOT NULL,
	"note" text,
	"xml" text NOT NULL,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_by_name" text
);
--> statement-breakpoint
CREATE TABLE "major_incident_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"major_incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"location" geometry(Point, 4326) NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "major_incident_cordons" ADD COLUMN "closes_roads" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "major_incident_alerts" ADD CONSTRAINT "major_incident_alerts_major_incident_id_major_incidents_id_fk" FOREIGN KEY ("major_incident_id") REFERENCES "public"."major_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_incident_points" ADD CONSTRAINT "major_incident_points_major_incident_id_major_incidents_id_fk" FOREIGN KEY ("major_incident_id") REFERENCES "public"."major_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "major_incident_alerts_identifier_idx" ON "major_incident_alerts" USING btree ("identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "major_incident_alerts_thread_seq_idx" ON "major_incident_alerts" USING btree ("thread_id","seq");--> statement-breakpoint
CREATE INDEX "major_incident_alerts_major_idx" ON "major_incident_alerts" USING btree ("major_incident_id");--> statement-breakpoint
CREATE INDEX "major_incident_alerts_current_idx" ON "major_incident_alerts" USING btree ("status","sent_at") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "major_incident_points_major_idx" ON "major_incident_points" USING btree ("major_incident_id");