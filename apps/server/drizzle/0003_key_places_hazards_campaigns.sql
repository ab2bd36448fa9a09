CREATE TABLE "campaign_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"category" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"missed_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"inspection_id" uuid,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "campaign_coverage" (
	"campaign_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"category" text NOT NULL,
	"total" integer NOT NULL,
	"inspected" integer NOT NULL,
	"missed" integer NOT NULL,
	CONSTRAINT "campaign_coverage_campaign_id_jurisdiction_path_category_pk" PRIMARY KEY("campaign_id","jurisdiction_path","category")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"issuer_id" uuid NOT NULL,
	"issuer_path" "ltree" NOT NULL,
	"title" text NOT NULL,
	"categories" text[] NOT NULL,
	"scope_paths" text[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"missed_at" timestamp with time zone NOT NULL,
	"assignment_count" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklist_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"categories" text[] NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_deadline_policies" (
	"jurisdiction_id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"general_days" integer NOT NULL,
	"major_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hazard_deadline_policies_jurisdiction_path_unique" UNIQUE("jurisdiction_path")
);
--> statement-breakpoint
CREATE TABLE "hazard_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hazard_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"caption" text,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hazard_id" uuid NOT NULL,
	"state" text NOT NULL,
	"reason" text NOT NULL,
	"requested_due_at" timestamp with time zone NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"place_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"grade" text NOT NULL,
	"state" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"inspection_id" uuid,
	"checklist_item_key" text,
	"raised_by" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"rectification_plan" text,
	"interim_controls" text,
	"stop_use" boolean DEFAULT false NOT NULL,
	"fix_note" text,
	"submitted_by" uuid,
	"verification_note" text,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"escalated_to_path" "ltree",
	"supervised_by_path" "ltree",
	"verified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"place_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"template_id" uuid NOT NULL,
	"inspector_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"answers" jsonb NOT NULL,
	"score" integer NOT NULL,
	"max_score" integer NOT NULL,
	"failed_items" text[] NOT NULL,
	"position" geometry(Point, 4326),
	"accuracy_m" double precision,
	"distance_m" double precision,
	"far_from_place" boolean NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"geom" geometry(Geometry, 4326) NOT NULL,
	"location" geometry(Point, 4326) NOT NULL,
	"operator" text,
	"contact" text,
	"responsible_post" text,
	"osm_type" text,
	"osm_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_assignments" ADD CONSTRAINT "campaign_assignments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_assignments" ADD CONSTRAINT "campaign_assignments_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_coverage" ADD CONSTRAINT "campaign_coverage_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_issuer_id_jurisdictions_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_deadline_policies" ADD CONSTRAINT "hazard_deadline_policies_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_evidence" ADD CONSTRAINT "hazard_evidence_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_extensions" ADD CONSTRAINT "hazard_extensions_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_template_id_checklist_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."checklist_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_assignments_place_idx" ON "campaign_assignments" USING btree ("campaign_id","place_id");--> statement-breakpoint
CREATE INDEX "campaign_assignments_pending_place_idx" ON "campaign_assignments" USING btree ("place_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "campaign_assignments_pending_missed_idx" ON "campaign_assignments" USING btree ("missed_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "campaign_assignments_path_gist" ON "campaign_assignments" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "campaign_coverage_path_gist" ON "campaign_coverage" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "campaigns_issuer_gist" ON "campaigns" USING gist ("issuer_path");--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_templates_key_version_idx" ON "checklist_templates" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "hazard_evidence_hazard_idx" ON "hazard_evidence" USING btree ("hazard_id");--> statement-breakpoint
CREATE INDEX "hazard_extensions_hazard_idx" ON "hazard_extensions" USING btree ("hazard_id");--> statement-breakpoint
CREATE INDEX "hazards_place_idx" ON "hazards" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "hazards_inspection_idx" ON "hazards" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "hazards_open_path_gist" ON "hazards" USING gist ("jurisdiction_path") WHERE state in ('open', 'rectifying');--> statement-breakpoint
CREATE INDEX "hazards_supervised_gist" ON "hazards" USING gist ("supervised_by_path") WHERE supervised_by_path is not null and state <> 'closed';--> statement-breakpoint
CREATE INDEX "hazards_path_gist" ON "hazards" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "inspections_place_idx" ON "inspections" USING btree ("place_id","recorded_at");--> statement-breakpoint
CREATE INDEX "inspections_path_gist" ON "inspections" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE UNIQUE INDEX "places_osm_idx" ON "places" USING btree ("osm_type","osm_id");--> statement-breakpoint
CREATE INDEX "places_path_gist" ON "places" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "places_location_gist" ON "places" USING gist ("location");--> statement-breakpoint
CREATE INDEX "places_category_idx" ON "places" USING btree ("category","id");