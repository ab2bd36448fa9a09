CREATE TABLE "onboarding_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file" text NOT NULL,
	"scope_path" "ltree" NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" text NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" text
);
--> statement-breakpoint
CREATE TABLE "onboarding_items" (
	"batch_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"natural_key" text NOT NULL,
	"row" integer NOT NULL,
	"action" text DEFAULT 'created' NOT NULL,
	"before" jsonb,
	"version_after" integer,
	CONSTRAINT "onboarding_items_batch_id_entity_id_pk" PRIMARY KEY("batch_id","entity_id")
);
--> statement-breakpoint
ALTER TABLE "onboarding_items" ADD CONSTRAINT "onboarding_items_batch_id_onboarding_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."onboarding_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "onboarding_batches_scope_idx" ON "onboarding_batches" USING gist ("scope_path");