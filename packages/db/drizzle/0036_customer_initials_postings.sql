CREATE TABLE "customer_initials_postings" (
	"suffix" text NOT NULL,
	"owner_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"customer_id" uuid NOT NULL
);
--> statement-breakpoint
DROP INDEX "customers_ascii_trgm";--> statement-breakpoint
CREATE INDEX "customer_initials_postings_suffix_idx" ON "customer_initials_postings" USING btree ("suffix" text_pattern_ops,"owner_id","created_at","customer_id");--> statement-breakpoint
CREATE INDEX "customer_initials_postings_customer_idx" ON "customer_initials_postings" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customers_lookup_trgm" ON "customers" USING gin (("pinyin" || ' ' || coalesce(lower("email"), '') || ' ' || coalesce("phone_key", '') || ' ' || coalesce("homepage_key", '')) gin_trgm_ops) WHERE deleted_at is null;--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "search_ascii";--> statement-breakpoint
-- A customer's initials suffixes of 3+ letters: a search of 3+ letters is a substring of the
-- initials exactly when it is a prefix of one of them (shorter searches use the initials' own
-- prefix index).
CREATE OR REPLACE FUNCTION customer_initials_suffixes(initials text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(substr(initials, i)), '{}')
  FROM generate_series(1, char_length(initials) - 2) AS i
$$;
--> statement-breakpoint
-- Kept like the name postings (0022, 0024): statement triggers with transition tables, a changed
-- or removed customer's rows found by its id, new rows sorted like the suffix index.
CREATE OR REPLACE FUNCTION customer_initials_postings_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_initials_postings (suffix, owner_id, created_at, customer_id)
  SELECT s, n.owner_id, n.created_at, n.id
  FROM new_rows n, unnest(customer_initials_suffixes(n.initials)) AS s
  WHERE n.deleted_at IS NULL
  ORDER BY 1, 2, 3, 4;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_initials_postings_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid[];
BEGIN
  -- Only rows whose initials, date, owner or life changed.
  SELECT array_agg(n.id) INTO changed
  FROM old_rows o JOIN new_rows n ON n.id = o.id
  WHERE (o.initials, o.created_at, o.owner_id, o.deleted_at IS NULL)
    IS DISTINCT FROM (n.initials, n.created_at, n.owner_id, n.deleted_at IS NULL);
  IF changed IS NULL THEN
    RETURN NULL;
  END IF;
  DELETE FROM customer_initials_postings WHERE customer_id = ANY (changed);
  INSERT INTO customer_initials_postings (suffix, owner_id, created_at, customer_id)
  SELECT s, n.owner_id, n.created_at, n.id
  FROM new_rows n, unnest(customer_initials_suffixes(n.initials)) AS s
  WHERE n.id = ANY (changed) AND n.deleted_at IS NULL
  ORDER BY 1, 2, 3, 4;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_initials_postings_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  removed uuid[];
BEGIN
  SELECT array_agg(o.id) INTO removed FROM old_rows o WHERE o.deleted_at IS NULL;
  IF removed IS NOT NULL THEN
    DELETE FROM customer_initials_postings WHERE customer_id = ANY (removed);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_initials_postings_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE customer_initials_postings;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- `_derived`: bulk loaders switch these off while they load and call the rebuild after (0023).
CREATE TRIGGER customer_initials_postings_insert_derived AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_initials_postings_insert();
--> statement-breakpoint
CREATE TRIGGER customer_initials_postings_update_derived AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_initials_postings_update();
--> statement-breakpoint
CREATE TRIGGER customer_initials_postings_delete_derived AFTER DELETE ON customers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_initials_postings_delete();
--> statement-breakpoint
CREATE TRIGGER customer_initials_postings_truncate AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION customer_initials_postings_truncate();
--> statement-breakpoint
-- Posts every live customer afresh: the indexes dropped, the rows written in the suffix index's
-- order, and the indexes built again from their own definitions (one sort each, packed full).
CREATE OR REPLACE FUNCTION customer_initials_postings_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  defs text[];
  drops text;
  posted bigint;
BEGIN
  SELECT array_agg(pg_get_indexdef(indexrelid)), string_agg(format('DROP INDEX %s', indexrelid::regclass), '; ')
    INTO defs, drops
    FROM pg_index WHERE indrelid = 'customer_initials_postings'::regclass;
  TRUNCATE customer_initials_postings;
  IF drops IS NOT NULL THEN EXECUTE drops; END IF;
  INSERT INTO customer_initials_postings (suffix, owner_id, created_at, customer_id)
  SELECT s, c.owner_id, c.created_at, c.id
  FROM customers c, unnest(customer_initials_suffixes(c.initials)) AS s
  WHERE c.deleted_at IS NULL;
  GET DIAGNOSTICS posted = ROW_COUNT;
  FOR i IN 1 .. coalesce(array_length(defs, 1), 0) LOOP
    EXECUTE defs[i];
  END LOOP;
  RETURN posted;
END;
$$;
--> statement-breakpoint
SELECT customer_initials_postings_rebuild();
--> statement-breakpoint
ANALYZE customer_initials_postings;
--> statement-breakpoint
ANALYZE customers;
