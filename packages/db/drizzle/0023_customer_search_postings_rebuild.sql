-- Loading a million customers in one statement would post twenty million grams one by one into
-- two indexes (slow, and leaves them half empty). The triggers take the `_derived` suffix, which
-- bulk loaders (bench/src/generate.ts) switch off while they load and follow with the rebuild.
ALTER TRIGGER customer_search_postings_insert ON customers RENAME TO customer_search_postings_insert_derived;
--> statement-breakpoint
ALTER TRIGGER customer_search_postings_update ON customers RENAME TO customer_search_postings_update_derived;
--> statement-breakpoint
ALTER TRIGGER customer_search_postings_delete ON customers RENAME TO customer_search_postings_delete_derived;
--> statement-breakpoint
-- Posts every live customer afresh: the indexes are dropped, the rows written, and the indexes
-- built again from their own definitions (one sort each, packed full).
CREATE OR REPLACE FUNCTION customer_search_postings_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  defs text[];
  drops text;
  posted bigint;
BEGIN
  SELECT array_agg(pg_get_indexdef(indexrelid)), string_agg(format('DROP INDEX %s', indexrelid::regclass), '; ')
    INTO defs, drops
    FROM pg_index WHERE indrelid = 'customer_search_postings'::regclass;
  TRUNCATE customer_search_postings;
  IF drops IS NOT NULL THEN EXECUTE drops; END IF;
  INSERT INTO customer_search_postings (token, created_at, customer_id, owner_id)
  SELECT g, c.created_at, c.id, c.owner_id
  FROM customers c, unnest(customer_search_grams(c.name_search)) AS g
  WHERE c.deleted_at IS NULL;
  GET DIAGNOSTICS posted = ROW_COUNT;
  FOR i IN 1 .. coalesce(array_length(defs, 1), 0) LOOP
    EXECUTE defs[i];
  END LOOP;
  RETURN posted;
END;
$$;
