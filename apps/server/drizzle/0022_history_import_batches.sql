CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"file" text NOT NULL,
	"mapping" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" text NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	"doubtful_times" integer DEFAULT 0 NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" text
);
--> statement-breakpoint
CREATE TABLE "imported_calls" (
	"incident_id" uuid PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"time_doubt" text
);
--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "location" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "imported_calls" ADD CONSTRAINT "imported_calls_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_calls" ADD CONSTRAINT "imported_calls_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_batches_path_idx" ON "import_batches" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "imported_calls_batch_idx" ON "imported_calls" USING btree ("batch_id");