CREATE TABLE "response_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"incident_type" text NOT NULL,
	"priority" text NOT NULL,
	"tiers" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "response_plans" ADD CONSTRAINT "response_plans_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "response_plans_key_idx" ON "response_plans" USING btree ("jurisdiction_id","incident_type","priority");--> statement-breakpoint
CREATE INDEX "response_plans_path_gist" ON "response_plans" USING gist ("jurisdiction_path");