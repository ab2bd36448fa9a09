CREATE TABLE "outbox_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"position" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"providing_jurisdiction_id" uuid NOT NULL,
	"providing_path" "ltree" NOT NULL,
	"requesting_jurisdiction_id" uuid NOT NULL,
	"requesting_path" "ltree" NOT NULL,
	"unit_kinds" text[] NOT NULL,
	"mutual" boolean NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"visit_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"description" text NOT NULL,
	"correction_hazard_id" uuid
);
--> statement-breakpoint
CREATE TABLE "supervision_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"visited_by" uuid,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hazards" ALTER COLUMN "place_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "supervision_visit_id" uuid;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "origin" text DEFAULT 'live' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "external_ref" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "duplicate_of" uuid;--> statement-breakpoint
ALTER TABLE "mutual_aid_agreements" ADD CONSTRAINT "mutual_aid_agreements_providing_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("providing_jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_agreements" ADD CONSTRAINT "mutual_aid_agreements_requesting_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("requesting_jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_visit_id_supervision_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."supervision_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_correction_hazard_id_hazards_id_fk" FOREIGN KEY ("correction_hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mutual_aid_active_idx" ON "mutual_aid_agreements" USING btree ("requesting_path") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "supervision_findings_visit_idx" ON "supervision_findings" USING btree ("visit_id","ordinal");--> statement-breakpoint
CREATE INDEX "supervision_visits_subject_idx" ON "supervision_visits" USING btree ("subject_type","subject_id","visited_at");--> statement-breakpoint
CREATE INDEX "supervision_visits_path_gist" ON "supervision_visits" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "hazards_supervision_visit_idx" ON "hazards" USING btree ("supervision_visit_id") WHERE supervision_visit_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_external_ref_idx" ON "incidents" USING btree ("jurisdiction_id","origin","external_ref") WHERE external_ref is not null;--> statement-breakpoint
CREATE INDEX "incidents_duplicate_of_idx" ON "incidents" USING btree ("duplicate_of") WHERE duplicate_of is not null;