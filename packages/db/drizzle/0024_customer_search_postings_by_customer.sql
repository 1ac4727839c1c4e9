CREATE INDEX "customer_search_postings_customer_idx" ON "customer_search_postings" USING btree ("customer_id");
--> statement-breakpoint
-- Two and three ideographs only (U+3400–4DBF, U+4E00–9FFF, U+F900–FAFF; searchGrams() tests the
-- same): letters, digits and brackets multiplied the postings of a name (54 instead of 6 for an
-- import's 批量导入abcdefgh企业1432号) for searches that go by pinyin, phone or code instead, and
-- single characters added half again to every write for searches the date index answers at once.
CREATE OR REPLACE FUNCTION customer_search_grams(name_search text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (
    SELECT substr(name_search, i, n) AS g
    FROM generate_series(2, 3) AS n, generate_series(1, char_length(name_search) - n + 1) AS i
  ) grams
  WHERE g ~ U&'^[\3400-\4DBF\4E00-\9FFF\F900-\FAFF]+$'
    AND g <> ALL ('{有,限,公,司,有限,限公,公司,有限公,限公司}'::text[])
$$;
--> statement-breakpoint
-- A changed or removed customer's postings are found by its id (one index entry, neighbouring
-- heap pages) rather than one lookup per gram in the token indexes: those lookups land on pages
-- all over two large indexes, and a plan cached for a small first statement could walk a whole
-- token's rows per gram. An undo of a 100,000-row import spent 20 minutes there.
CREATE OR REPLACE FUNCTION customer_search_postings_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid[];
BEGIN
  -- Only rows whose name, date, owner or life changed; a contact date or a status edit passes by.
  SELECT array_agg(n.id) INTO changed
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE (o.name_search, o.created_at, o.owner_id, o.deleted_at IS NULL)
    IS DISTINCT FROM (n.name_search, n.created_at, n.owner_id, n.deleted_at IS NULL);
  IF changed IS NULL THEN
    RETURN NULL;
  END IF;
  DELETE FROM customer_search_postings WHERE customer_id = ANY (changed);
  INSERT INTO customer_search_postings (token, created_at, customer_id, owner_id)
  SELECT g, n.created_at, n.id, n.owner_id
  FROM new_rows n, unnest(customer_search_grams(n.name_search)) AS g
  WHERE n.id = ANY (changed) AND n.deleted_at IS NULL
  ORDER BY 1, 2 DESC, 3 DESC;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Sorted like the token indexes: a statement's rows then reach each index page once.
CREATE OR REPLACE FUNCTION customer_search_postings_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_search_postings (token, created_at, customer_id, owner_id)
  SELECT g, n.created_at, n.id, n.owner_id
  FROM new_rows n, unnest(customer_search_grams(n.name_search)) AS g
  WHERE n.deleted_at IS NULL
  ORDER BY 1, 2 DESC, 3 DESC;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_search_postings_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  removed uuid[];
BEGIN
  SELECT array_agg(o.id) INTO removed FROM old_rows o WHERE o.deleted_at IS NULL;
  IF removed IS NOT NULL THEN
    DELETE FROM customer_search_postings WHERE customer_id = ANY (removed);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Every customer posted again under the new grams, the indexes built afresh.
SELECT customer_search_postings_rebuild();
--> statement-breakpoint
ANALYZE "customer_search_postings";
