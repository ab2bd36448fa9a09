ALTER TABLE "jurisdictions" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD CONSTRAINT "jurisdictions_code_unique" UNIQUE("code");