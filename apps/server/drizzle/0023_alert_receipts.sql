CREATE TABLE "alert_receipts" (
	"user_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "alert_receipts_user_id_event_id_pk" PRIMARY KEY("user_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "alert_receipts" ADD CONSTRAINT "alert_receipts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_receipts_user_seen_idx" ON "alert_receipts" USING btree ("user_id","seen_at");