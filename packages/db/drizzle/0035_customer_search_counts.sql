CREATE TABLE "customer_search_count_deltas" (
	"token" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_search_counts" (
	"token" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "customer_search_counts_token_owner_id_pk" PRIMARY KEY("token","owner_id")
);
--> statement-breakpoint
CREATE INDEX "customer_search_count_deltas_idx" ON "customer_search_count_deltas" USING btree ("token","owner_id","n");--> statement-breakpoint
-- Every posting of a 1- or 2-ideograph token, counted per token and owner, appended as a signed
-- row: the triggers never update a shared row, so concurrent creates, imports and edits neither
-- wait for one another nor deadlock here. Postings are only inserted and deleted (a rename, a new
-- owner or a delete removes the old ones and posts the new), but an update is counted too.
CREATE OR REPLACE FUNCTION customer_search_counts_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_search_count_deltas (token, owner_id, n)
  SELECT token, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'), count(*)
  FROM added WHERE char_length(token) <= 2 GROUP BY 1, 2;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_search_counts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_search_count_deltas (token, owner_id, n)
  SELECT token, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'), -count(*)
  FROM removed WHERE char_length(token) <= 2 GROUP BY 1, 2;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_search_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_search_count_deltas (token, owner_id, n)
  SELECT token, owner_id, sum(n) FROM (
    SELECT token, coalesce(owner_id, '00000000-0000-0000-0000-000000000000') AS owner_id, 1 AS n FROM added
    UNION ALL
    SELECT token, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'), -1 FROM removed
  ) d WHERE char_length(token) <= 2 GROUP BY 1, 2 HAVING sum(n) <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_search_counts_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE customer_search_counts, customer_search_count_deltas;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Folds the deltas into the counts, one compactor at a time (the others return at once). A reader
-- sums both tables in one snapshot, so it sees the deltas or their fold, never both or neither.
CREATE OR REPLACE FUNCTION customer_search_counts_compact() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE folded bigint := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended('customer_search_counts_compact', 0)) THEN RETURN 0; END IF;
  WITH gone AS (DELETE FROM customer_search_count_deltas RETURNING token, owner_id, n)
  INSERT INTO customer_search_counts AS c (token, owner_id, n)
  SELECT token, owner_id, sum(n)::int FROM gone GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (token, owner_id) DO UPDATE SET n = c.n + excluded.n;
  GET DIAGNOSTICS folded = ROW_COUNT;
  RETURN folded;
END;
$$;
--> statement-breakpoint
-- The postings already there, counted.
INSERT INTO customer_search_counts (token, owner_id, n)
SELECT token, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'), count(*)
FROM customer_search_postings WHERE char_length(token) <= 2 GROUP BY 1, 2 ORDER BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER customer_search_counts_insert AFTER INSERT ON customer_search_postings
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION customer_search_counts_added();
--> statement-breakpoint
CREATE TRIGGER customer_search_counts_update AFTER UPDATE ON customer_search_postings
  REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION customer_search_counts_changed();
--> statement-breakpoint
CREATE TRIGGER customer_search_counts_delete AFTER DELETE ON customer_search_postings
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION customer_search_counts_removed();
--> statement-breakpoint
CREATE TRIGGER customer_search_counts_truncate AFTER TRUNCATE ON customer_search_postings
  FOR EACH STATEMENT EXECUTE FUNCTION customer_search_counts_cleared();
--> statement-breakpoint
-- The rebuild (bulk loads) posts twenty million grams in one statement: their counts come from one
-- grouping of the new postings instead of a transition table of all of them.
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
  ALTER TABLE customer_search_postings DISABLE TRIGGER customer_search_counts_insert;
  INSERT INTO customer_search_postings (token, created_at, customer_id, owner_id)
  SELECT g, c.created_at, c.id, c.owner_id
  FROM customers c, unnest(customer_search_grams(c.name_search)) AS g
  WHERE c.deleted_at IS NULL;
  GET DIAGNOSTICS posted = ROW_COUNT;
  ALTER TABLE customer_search_postings ENABLE TRIGGER customer_search_counts_insert;
  INSERT INTO customer_search_counts (token, owner_id, n)
  SELECT token, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'), count(*)
  FROM customer_search_postings WHERE char_length(token) <= 2 GROUP BY 1, 2 ORDER BY 1, 2;
  FOR i IN 1 .. coalesce(array_length(defs, 1), 0) LOOP
    EXECUTE defs[i];
  END LOOP;
  RETURN posted;
END;
$$;
--> statement-breakpoint
ANALYZE customer_search_counts;
