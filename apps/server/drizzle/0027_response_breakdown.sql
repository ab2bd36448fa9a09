ALTER TABLE "imported_responses" ADD COLUMN "unit_kind" text;--> statement-breakpoint
CREATE INDEX "incidents_origin_received_idx" ON "incidents" USING btree ("origin","received_at");