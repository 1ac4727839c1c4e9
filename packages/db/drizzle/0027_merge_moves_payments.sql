-- Money received stays append-only, with one exception: a merge of customers moves the merged
-- customers' payments to the survivor, and undoing it moves them back. The customer is then the
-- only column that changes; any other change (or a delete) is refused as before.
CREATE OR REPLACE FUNCTION money_entries_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'payments'
     AND (to_jsonb(NEW) - 'customer_id') = (to_jsonb(OLD) - 'customer_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
