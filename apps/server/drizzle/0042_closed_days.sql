CREATE TABLE "closed_day_lists" (
	"jurisdiction_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "closed_day_lists_jurisdiction_id_year_pk" PRIMARY KEY("jurisdiction_id","year")
);
--> statement-breakpoint
CREATE TABLE "closed_days" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"year" integer NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"categories" text[] NOT NULL,
	CONSTRAINT "closed_days_range" CHECK ("closed_days"."to_date" >= "closed_days"."from_date" and extract(year from "closed_days"."from_date") = "closed_days"."year")
);
--> statement-breakpoint
ALTER TABLE "closed_day_lists" ADD CONSTRAINT "closed_day_lists_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closed_days" ADD CONSTRAINT "closed_days_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closed_days_list_idx" ON "closed_days" USING btree ("jurisdiction_id","year");--> statement-breakpoint
CREATE INDEX "closed_days_dates_idx" ON "closed_days" USING btree ("from_date","to_date");