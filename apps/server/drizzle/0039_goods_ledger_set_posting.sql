-- Posting set-wise (issue 18, ledger >= 5,000 movements/s): one statement-level trigger per INSERT
-- into goods_transfers instead of two UPDATEs per row. A batch of 100 movements touching the same
-- two accounts wrote 200 row versions of them, each through the guard trigger and the CHECKs; now
-- each account touched is updated once, by its net total. The invariants stay in the database:
-- the CHECKs on goods_accounts (no stock below zero, none above the licence) hold every committed
-- state, whatever the application does. Applying a batch movement by movement (a linked chain that
-- breaks at its first overdraft, as TigerBeetle checks it) is the command's part: it reads the
-- balances under the same locks before inserting (record-transfer.ts).
DROP TRIGGER IF EXISTS goods_transfers_post ON goods_transfers;--> statement-breakpoint
DROP FUNCTION IF EXISTS goods_transfer_post();--> statement-breakpoint
CREATE OR REPLACE FUNCTION goods_transfers_post_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The accounts in id order, locked before any is changed: two statements touching the same
  -- accounts queue on the first one, so opposite movements never deadlock.
  PERFORM 1 FROM goods_accounts
    WHERE id IN (SELECT debit_account_id FROM posted UNION SELECT credit_account_id FROM posted)
    ORDER BY id FOR NO KEY UPDATE;
  IF EXISTS (SELECT 1 FROM posted t
      LEFT JOIN goods_accounts d ON d.id = t.debit_account_id
      LEFT JOIN goods_accounts c ON c.id = t.credit_account_id
      WHERE d.item_key IS DISTINCT FROM t.item_key OR c.item_key IS DISTINCT FROM t.item_key) THEN
    RAISE EXCEPTION 'a transfer moves one item between two accounts of that item' USING ERRCODE = 'check_violation', CONSTRAINT = 'goods_transfers_same_item';
  END IF;
  IF EXISTS (SELECT 1 FROM posted t LEFT JOIN goods_transfers o ON o.id = t.reverses
      WHERE t.reverses IS NOT NULL AND (o.id IS NULL OR o.kind = 'reversal' OR o.debit_account_id <> t.credit_account_id
        OR o.credit_account_id <> t.debit_account_id OR o.amount <> t.amount)) THEN
    RAISE EXCEPTION 'a reversal mirrors a transfer that is not itself a reversal' USING ERRCODE = 'check_violation', CONSTRAINT = 'goods_transfers_reversal_mirrors';
  END IF;
  UPDATE goods_accounts a
    SET debits_posted = a.debits_posted + m.debits, credits_posted = a.credits_posted + m.credits
    FROM (SELECT account, sum(debits)::bigint AS debits, sum(credits)::bigint AS credits
          FROM (SELECT debit_account_id AS account, amount AS debits, 0::bigint AS credits FROM posted
                UNION ALL SELECT credit_account_id, 0::bigint, amount FROM posted) moves
          GROUP BY account) m
    WHERE a.id = m.account;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER goods_transfers_post AFTER INSERT ON goods_transfers REFERENCING NEW TABLE AS posted
  FOR EACH STATEMENT EXECUTE FUNCTION goods_transfers_post_set();
