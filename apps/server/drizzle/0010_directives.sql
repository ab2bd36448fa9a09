CREATE TABLE "directive_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"directive_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"state" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledgement_note" text,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"report" text,
	"ack_escalated_at" timestamp with time zone,
	"report_escalated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"issuer_jurisdiction_id" uuid NOT NULL,
	"issuer_path" "ltree" NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"required_actions" jsonb NOT NULL,
	"ack_due_at" timestamp with time zone NOT NULL,
	"report_due_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directive_targets" ADD CONSTRAINT "directive_targets_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_targets" ADD CONSTRAINT "directive_targets_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_issuer_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("issuer_jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "directive_targets_directive_jurisdiction_idx" ON "directive_targets" USING btree ("directive_id","jurisdiction_id");--> statement-breakpoint
CREATE INDEX "directive_targets_path_gist" ON "directive_targets" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "directive_targets_owing_idx" ON "directive_targets" USING btree ("directive_id") WHERE state <> 'reported' and report_escalated_at is null;--> statement-breakpoint
CREATE INDEX "directives_issuer_path_gist" ON "directives" USING gist ("issuer_path");