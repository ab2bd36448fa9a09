CREATE TABLE "goods_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"kind" text NOT NULL,
	"debits_must_not_exceed_credits" boolean NOT NULL,
	"max_balance" bigint,
	"debits_posted" bigint DEFAULT 0 NOT NULL,
	"credits_posted" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "goods_accounts_posted_nonnegative" CHECK ("goods_accounts"."debits_posted" >= 0 and "goods_accounts"."credits_posted" >= 0),
	CONSTRAINT "goods_accounts_no_negative_balance" CHECK (not "goods_accounts"."debits_must_not_exceed_credits" or "goods_accounts"."debits_posted" <= "goods_accounts"."credits_posted"),
	CONSTRAINT "goods_accounts_within_licence" CHECK ("goods_accounts"."max_balance" is null or "goods_accounts"."credits_posted" - "goods_accounts"."debits_posted" <= "goods_accounts"."max_balance"),
	CONSTRAINT "goods_accounts_max_nonnegative" CHECK ("goods_accounts"."max_balance" is null or "goods_accounts"."max_balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "goods_discrepancies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reconciliation_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"item_key" text NOT NULL,
	"ledger" bigint NOT NULL,
	"counted" bigint NOT NULL,
	"severity" text NOT NULL,
	"hazard_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goods_items" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"un_number" text,
	"hazard_class" text,
	"category" text,
	"name" text NOT NULL,
	"unit" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goods_reconciliations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"inspection_id" uuid,
	"note" text,
	"recorded_by" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goods_sites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"place_id" uuid NOT NULL,
	"jurisdiction_path" "ltree" NOT NULL,
	"supervising_path" "ltree" NOT NULL,
	"licence_number" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"expiry_alert_days" integer NOT NULL,
	"storage_conditions" text NOT NULL,
	"responsible_name" text NOT NULL,
	"responsible_role" text NOT NULL,
	"expiry_alerted_for" timestamp with time zone,
	"lapse_hazard_id" uuid,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goods_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"item_key" text NOT NULL,
	"debit_account_id" uuid NOT NULL,
	"credit_account_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"reverses" uuid,
	"counterparty" text,
	"note" text,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "goods_transfers_amount_positive" CHECK ("goods_transfers"."amount" > 0),
	CONSTRAINT "goods_transfers_accounts_differ" CHECK ("goods_transfers"."debit_account_id" <> "goods_transfers"."credit_account_id"),
	CONSTRAINT "goods_transfers_reversal_names_original" CHECK (("goods_transfers"."kind" = 'reversal') = ("goods_transfers"."reverses" is not null))
);
--> statement-breakpoint
ALTER TABLE "goods_accounts" ADD CONSTRAINT "goods_accounts_site_id_goods_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."goods_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_accounts" ADD CONSTRAINT "goods_accounts_item_key_goods_items_key_fk" FOREIGN KEY ("item_key") REFERENCES "public"."goods_items"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_discrepancies" ADD CONSTRAINT "goods_discrepancies_reconciliation_id_goods_reconciliations_id_fk" FOREIGN KEY ("reconciliation_id") REFERENCES "public"."goods_reconciliations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_discrepancies" ADD CONSTRAINT "goods_discrepancies_site_id_goods_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."goods_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_discrepancies" ADD CONSTRAINT "goods_discrepancies_item_key_goods_items_key_fk" FOREIGN KEY ("item_key") REFERENCES "public"."goods_items"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_reconciliations" ADD CONSTRAINT "goods_reconciliations_site_id_goods_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."goods_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_sites" ADD CONSTRAINT "goods_sites_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_transfers" ADD CONSTRAINT "goods_transfers_item_key_goods_items_key_fk" FOREIGN KEY ("item_key") REFERENCES "public"."goods_items"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_transfers" ADD CONSTRAINT "goods_transfers_debit_account_id_goods_accounts_id_fk" FOREIGN KEY ("debit_account_id") REFERENCES "public"."goods_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_transfers" ADD CONSTRAINT "goods_transfers_credit_account_id_goods_accounts_id_fk" FOREIGN KEY ("credit_account_id") REFERENCES "public"."goods_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "goods_accounts_site_item_kind_idx" ON "goods_accounts" USING btree ("site_id","item_key","kind");--> statement-breakpoint
CREATE INDEX "goods_discrepancies_path_gist" ON "goods_discrepancies" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "goods_discrepancies_site_idx" ON "goods_discrepancies" USING btree ("site_id","at");--> statement-breakpoint
CREATE INDEX "goods_reconciliations_site_idx" ON "goods_reconciliations" USING btree ("site_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "goods_sites_place_idx" ON "goods_sites" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "goods_sites_path_gist" ON "goods_sites" USING gist ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "goods_sites_supervising_gist" ON "goods_sites" USING gist ("supervising_path");--> statement-breakpoint
CREATE INDEX "goods_sites_valid_until_idx" ON "goods_sites" USING btree ("valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "goods_transfers_reverses_idx" ON "goods_transfers" USING btree ("reverses");--> statement-breakpoint
CREATE INDEX "goods_transfers_debit_idx" ON "goods_transfers" USING btree ("debit_account_id","id");--> statement-breakpoint
CREATE INDEX "goods_transfers_credit_idx" ON "goods_transfers" USING btree ("credit_account_id","id");--> statement-breakpoint
-- The ledger's invariants are held here, by the database, whoever writes (see modules/controlled-goods/CONTEXT.md;
-- modelled on TigerBeetle's accounts and transfers). Posting a transfer adds its amount to the debit account's
-- debits and the credit account's credits in the same statement (debits = credits), locking the two rows in id
-- order so that opposite transfers never deadlock; the accounts' CHECKs (no negative stock, none above the
-- licence) are evaluated on the locked, latest row, so concurrent transfers cannot overdraw.
CREATE OR REPLACE FUNCTION goods_transfer_post() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d_item text;
  c_item text;
  o goods_transfers%ROWTYPE;
BEGIN
  IF NEW.debit_account_id < NEW.credit_account_id THEN
    UPDATE goods_accounts SET debits_posted = debits_posted + NEW.amount WHERE id = NEW.debit_account_id RETURNING item_key INTO d_item;
    UPDATE goods_accounts SET credits_posted = credits_posted + NEW.amount WHERE id = NEW.credit_account_id RETURNING item_key INTO c_item;
  ELSE
    UPDATE goods_accounts SET credits_posted = credits_posted + NEW.amount WHERE id = NEW.credit_account_id RETURNING item_key INTO c_item;
    UPDATE goods_accounts SET debits_posted = debits_posted + NEW.amount WHERE id = NEW.debit_account_id RETURNING item_key INTO d_item;
  END IF;
  IF d_item IS DISTINCT FROM NEW.item_key OR c_item IS DISTINCT FROM NEW.item_key THEN
    RAISE EXCEPTION 'a transfer moves one item between two accounts of that item' USING ERRCODE = 'check_violation', CONSTRAINT = 'goods_transfers_same_item';
  END IF;
  IF NEW.reverses IS NOT NULL THEN
    SELECT * INTO o FROM goods_transfers WHERE id = NEW.reverses;
    IF NOT FOUND OR o.kind = 'reversal' OR o.debit_account_id <> NEW.credit_account_id OR o.credit_account_id <> NEW.debit_account_id OR o.amount <> NEW.amount THEN
      RAISE EXCEPTION 'a reversal mirrors a transfer that is not itself a reversal' USING ERRCODE = 'check_violation', CONSTRAINT = 'goods_transfers_reversal_mirrors';
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER goods_transfers_post AFTER INSERT ON goods_transfers FOR EACH ROW EXECUTE FUNCTION goods_transfer_post();
--> statement-breakpoint
-- Transfers are never edited nor removed: a mistake is undone by its reversal.
CREATE OR REPLACE FUNCTION goods_transfers_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'goods_transfers is append-only (% refused): reverse a transfer instead', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER goods_transfers_no_update BEFORE UPDATE OR DELETE ON goods_transfers FOR EACH ROW EXECUTE FUNCTION goods_transfers_refuse_change();
--> statement-breakpoint
CREATE TRIGGER goods_transfers_no_truncate BEFORE TRUNCATE ON goods_transfers FOR EACH STATEMENT EXECUTE FUNCTION goods_transfers_refuse_change();
--> statement-breakpoint
-- An account's posted totals move only by posting a transfer (the trigger above: depth 2), and only up; what an
-- account is (site, item, kind, flags) never changes; an account that has seen a transfer is never deleted.
CREATE OR REPLACE FUNCTION goods_accounts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.debits_posted <> 0 OR OLD.credits_posted <> 0 THEN
      RAISE EXCEPTION 'an account with transfers is kept' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.site_id <> OLD.site_id OR NEW.item_key <> OLD.item_key OR NEW.kind <> OLD.kind OR NEW.debits_must_not_exceed_credits <> OLD.debits_must_not_exceed_credits THEN
    RAISE EXCEPTION 'an account''s site, item, kind and flags never change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.debits_posted <> OLD.debits_posted OR NEW.credits_posted <> OLD.credits_posted)
     AND (pg_trigger_depth() < 2 OR NEW.debits_posted < OLD.debits_posted OR NEW.credits_posted < OLD.credits_posted) THEN
    RAISE EXCEPTION 'posted totals change only by posting a transfer' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER goods_accounts_guard BEFORE UPDATE OR DELETE ON goods_accounts FOR EACH ROW EXECUTE FUNCTION goods_accounts_guard();
