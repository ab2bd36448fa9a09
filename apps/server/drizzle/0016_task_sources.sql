CREATE TABLE "standing_duties" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_post_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"title" text NOT NULL,
	"category" text,
	"every_days" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"next_period_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "standing_duties_every_days_check" CHECK (every_days between 1 and 366)
);
--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "directive_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "source" text DEFAULT 'directive' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "standing_duty_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "period_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "standing_duties" ADD CONSTRAINT "standing_duties_owner_post_id_posts_id_fk" FOREIGN KEY ("owner_post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "standing_duties_path_gist" ON "standing_duties" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "standing_duties_next_idx" ON "standing_duties" USING btree ("next_period_at");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_standing_duty_id_standing_duties_id_fk" FOREIGN KEY ("standing_duty_id") REFERENCES "public"."standing_duties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_campaign_idx" ON "tasks" USING btree ("campaign_id") WHERE campaign_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_duty_period_idx" ON "tasks" USING btree ("standing_duty_id","period_start") WHERE period_start is not null;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_source_check" CHECK ((source = 'directive' and directive_id is not null and campaign_id is null and standing_duty_id is null)
    or (source = 'campaign' and campaign_id is not null and directive_id is null and standing_duty_id is null)
    or (source = 'standing_duty' and standing_duty_id is not null and directive_id is null and campaign_id is null));--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_period_check" CHECK (period_start is null or (source = 'standing_duty' and parent_task_id is null));