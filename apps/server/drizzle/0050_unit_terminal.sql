-- A unit's terminal (or AVL gateway) device account: when set, only it reports the unit's fixes over HTTP, and it reports for its bound units only (docs/security.md).
ALTER TABLE "units" ADD COLUMN "terminal_id" uuid;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_terminal_id_users_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_terminal_idx" ON "units" USING btree ("terminal_id") WHERE terminal_id is not null;