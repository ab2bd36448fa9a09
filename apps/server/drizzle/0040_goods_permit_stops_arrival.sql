ALTER TABLE "goods_permits" ADD COLUMN "stops" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "goods_permits" ADD COLUMN "arrival_meters" integer DEFAULT 150 NOT NULL;--> statement-breakpoint
ALTER TABLE "goods_permits" ADD COLUMN "arrival_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "goods_permits" ADD COLUMN "time_zone" text DEFAULT 'Europe/Vaduz' NOT NULL;