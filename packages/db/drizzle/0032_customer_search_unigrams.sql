-- Single ideographs are posted too (searchGrams() of packages/db/src/search.ts tests the same): a
-- one-character search (华, 8% of names) walked the customers' date index and read a customer row
-- per candidate, ten times its page for a common character and far more for a rare one or a small
-- scope; its postings now give the page from the index alone. The stop characters of 有限公司 stay
-- out (nearly every name has them: the date index answers those at once).
CREATE OR REPLACE FUNCTION customer_search_grams(name_search text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (
    SELECT substr(name_search, i, n) AS g
    FROM generate_series(1, 3) AS n, generate_series(1, char_length(name_search) - n + 1) AS i
  ) grams
  WHERE g ~ U&'^[\3400-\4DBF\4E00-\9FFF\F900-\FAFF]+$'
    AND g <> ALL ('{有,限,公,司,有限,限公,公司,有限公,限公司}'::text[])
$$;
--> statement-breakpoint
-- Every live customer posted afresh (indexes dropped, rows written, indexes built again: one sort
-- each instead of millions of scattered inserts).
SELECT customer_search_postings_rebuild();
--> statement-breakpoint
ANALYZE customer_search_postings;
