CREATE TABLE "customer_search_postings" (
	"token" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid
);
--> statement-breakpoint
-- The grams a customer is posted under: searchGrams() of packages/db/src/search.ts in SQL (every
-- distinct 1-, 2- and 3-character piece of the normalised name but the grams of 有限公司).
CREATE OR REPLACE FUNCTION customer_search_grams(name_search text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (
    SELECT substr(name_search, i, n) AS g
    FROM generate_series(1, 3) AS n, generate_series(1, char_length(name_search) - n + 1) AS i
  ) grams
  WHERE g <> ALL ('{有,限,公,司,有限,限公,公司,有限公,限公司}'::text[])
$$;
--> statement-breakpoint
-- The postings follow every write of customers in its own transaction, once per statement from the
-- transition tables: an import's or a bulk edit's thousands of rows cost one insert and one delete.
-- Only live customers are posted; an edit that leaves name, date, owner and life alone costs nothing.
CREATE OR REPLACE FUNCTION customer_search_postings_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_search_postings (token, created_at, customer_id, owner_id)
  SELECT g, n.created_at, n.id, n.owner_id
  FROM new_rows n, unnest(customer_search_grams(n.name_search)) AS g
  WHERE n.deleted_at IS NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_search_postings_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    SELECT o.id, o.name_search AS old_name, o.created_at AS old_created, o.deleted_at IS NULL AS was_live,
           n.name_search, n.created_at, n.owner_id, n.deleted_at IS NULL AS live
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.name_search, o.created_at, o.owner_id, o.deleted_at IS NULL)
      IS DISTINCT FROM (n.name_search, n.created_at, n.owner_id, n.deleted_at IS NULL)
  ), removed AS (
    DELETE FROM customer_search_postings p
    USING (
      SELECT c.id, c.old_created, g FROM changed c, unnest(customer_search_grams(c.old_name)) AS g
      WHERE c.was_live
    ) gone
    WHERE p.token = gone.g AND p.created_at = gone.old_created AND p.customer_id = gone.id
  )
  INSERT INTO customer_search_postings (token, created_at, customer_id, owner_id)
  SELECT g, c.created_at, c.id, c.owner_id
  FROM changed c, unnest(customer_search_grams(c.name_search)) AS g
  WHERE c.live;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_search_postings_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_search_postings p
  USING (
    SELECT o.id, o.created_at, g FROM old_rows o, unnest(customer_search_grams(o.name_search)) AS g
    WHERE o.deleted_at IS NULL
  ) gone
  WHERE p.token = gone.g AND p.created_at = gone.created_at AND p.customer_id = gone.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_search_postings_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE customer_search_postings;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The customers already there, before the indexes (one sort each instead of millions of inserts).
INSERT INTO customer_search_postings (token, created_at, customer_id, owner_id)
SELECT g, c.created_at, c.id, c.owner_id
FROM customers c, unnest(customer_search_grams(c.name_search)) AS g
WHERE c.deleted_at IS NULL;
--> statement-breakpoint
DROP INDEX "customers_owner_live_idx";--> statement-breakpoint
CREATE INDEX "customer_search_postings_date_idx" ON "customer_search_postings" USING btree ("token","created_at" DESC NULLS FIRST,"customer_id" DESC NULLS FIRST,"owner_id");--> statement-breakpoint
CREATE INDEX "customer_search_postings_owner_idx" ON "customer_search_postings" USING btree ("token","owner_id","created_at" DESC NULLS FIRST,"customer_id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "customers_owner_live_idx" ON "customers" USING btree ("owner_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE deleted_at is null;
--> statement-breakpoint
CREATE TRIGGER customer_search_postings_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_search_postings_insert();
--> statement-breakpoint
CREATE TRIGGER customer_search_postings_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_search_postings_update();
--> statement-breakpoint
CREATE TRIGGER customer_search_postings_delete AFTER DELETE ON customers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_search_postings_delete();
--> statement-breakpoint
CREATE TRIGGER customer_search_postings_truncate AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION customer_search_postings_truncate();
--> statement-breakpoint
-- Mid-frequency tokens (宏达: 1% of names) need their own statistics for the planner to choose
-- between walking the dates and the owner index.
ALTER TABLE "customer_search_postings" ALTER COLUMN "token" SET STATISTICS 1000;
--> statement-breakpoint
ANALYZE "customer_search_postings";
--> statement-breakpoint
-- Every 2+ character name search also looks up contacts' names: a GIN index's pending list (up to
-- 4 MB by default) is read on every lookup, so this one is kept short.
ALTER INDEX "contacts_tokens_gin" SET (gin_pending_list_limit = 256);
