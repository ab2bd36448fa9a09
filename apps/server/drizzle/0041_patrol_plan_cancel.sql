ALTER TABLE "patrol_plans" ADD COLUMN "cancelled_by" uuid;--> statement-breakpoint
ALTER TABLE "patrol_plans" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patrol_plans" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "patrol_plans" ADD CONSTRAINT "patrol_plans_cancel_check" CHECK ((state = 'cancelled') = (cancelled_at is not null and cancel_reason is not null));