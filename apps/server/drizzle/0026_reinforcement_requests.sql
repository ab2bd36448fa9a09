CREATE TABLE "unit_loans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"lending_path" "ltree" NOT NULL,
	"lent_by" uuid,
	"lent_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reinforcement_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"incident_path" "ltree" NOT NULL,
	"kind" text,
	"capability" text,
	"count" integer NOT NULL,
	"granted" integer DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"target_path" "ltree",
	"answer_due_at" timestamp with time zone,
	"timeout_seconds" integer NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_by_name" text NOT NULL,
	"note" text,
	"steps" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_loans" ADD CONSTRAINT "unit_loans_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_loans" ADD CONSTRAINT "unit_loans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reinforcement_requests" ADD CONSTRAINT "reinforcement_requests_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_loans_incident_idx" ON "unit_loans" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_loans_live_idx" ON "unit_loans" USING btree ("incident_id","unit_id") WHERE released_at is null;--> statement-breakpoint
CREATE INDEX "reinforcement_requests_incident_idx" ON "reinforcement_requests" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "reinforcement_requests_open_idx" ON "reinforcement_requests" USING btree ("answer_due_at") WHERE state = 'open';--> statement-breakpoint
CREATE INDEX "reinforcement_requests_target_idx" ON "reinforcement_requests" USING gist ("target_path") WHERE state = 'open';