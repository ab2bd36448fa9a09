ALTER TABLE "assignments" ADD COLUMN "arrival_source" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "arrival_doubt" jsonb;