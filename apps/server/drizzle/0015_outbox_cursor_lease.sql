ALTER TABLE "outbox_cursors" ADD COLUMN "leased_by" text;--> statement-breakpoint
ALTER TABLE "outbox_cursors" ADD COLUMN "leased_until" timestamp with time zone;