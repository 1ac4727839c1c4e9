-- Report aggregates, second step: per-customer rows over every owner (owner_id = the zero uuid) for
-- callers who see everyone's data, so a whole-company report reads one row per customer and block
-- instead of adding up each customer's owners; a write recomputes its customer's rows from one read
-- (it was six); and an index for the customer evaluation's value score (customers by revenue band
-- and credit rating, in code order).
CREATE INDEX IF NOT EXISTS "customers_value_band_idx" ON "customers" (report_revenue_band("annual_revenue"), coalesce("credit_rating", ''), "code") WHERE "deleted_at" IS NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_customer_sales_set(c uuid, o uuid, g text, s date, n int, amt numeric, last date)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF n = 0 THEN
    DELETE FROM report_customer_sales WHERE customer_id = c AND owner_id = o AND grain = g AND start = s;
  ELSE
    INSERT INTO report_customer_sales (customer_id, owner_id, grain, start, sales, amount, last_date)
      VALUES (c, o, g, s, n, amt, last)
      ON CONFLICT (customer_id, owner_id, grain, start)
      DO UPDATE SET sales = excluded.sales, amount = excluded.amount, last_date = excluded.last_date;
  END IF;
END $$;
--> statement-breakpoint
-- A customer's sales by an owner and by every owner (the zero owner) in the month, year and all time
-- of a day, and its first sale by that owner, recomputed from one read of the customer's sales.
-- Writers of one customer queue on an advisory lock, so each recomputes after the previous committed.
CREATE OR REPLACE FUNCTION report_customer_sales_refresh(c uuid, o uuid, d date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE m date := date_trunc('month', d)::date; y date := date_trunc('year', d)::date;
  zero uuid := '00000000-0000-0000-0000-000000000000'; r record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('report_customer:' || c::text, 0));
  SELECT
    count(*) FILTER (WHERE owner_id = o AND date >= m AND date < (m + interval '1 month')::date)::int AS om,
    sum(amount) FILTER (WHERE owner_id = o AND date >= m AND date < (m + interval '1 month')::date) AS om_amount,
    max(date) FILTER (WHERE owner_id = o AND date >= m AND date < (m + interval '1 month')::date) AS om_last,
    count(*) FILTER (WHERE owner_id = o AND date >= y AND date < (y + interval '1 year')::date)::int AS oy,
    sum(amount) FILTER (WHERE owner_id = o AND date >= y AND date < (y + interval '1 year')::date) AS oy_amount,
    max(date) FILTER (WHERE owner_id = o AND date >= y AND date < (y + interval '1 year')::date) AS oy_last,
    count(*) FILTER (WHERE owner_id = o)::int AS oa, sum(amount) FILTER (WHERE owner_id = o) AS oa_amount,
    max(date) FILTER (WHERE owner_id = o) AS oa_last,
    count(*) FILTER (WHERE date >= m AND date < (m + interval '1 month')::date)::int AS zm,
    sum(amount) FILTER (WHERE date >= m AND date < (m + interval '1 month')::date) AS zm_amount,
    max(date) FILTER (WHERE date >= m AND date < (m + interval '1 month')::date) AS zm_last,
    count(*) FILTER (WHERE date >= y AND date < (y + interval '1 year')::date)::int AS zy,
    sum(amount) FILTER (WHERE date >= y AND date < (y + interval '1 year')::date) AS zy_amount,
    max(date) FILTER (WHERE date >= y AND date < (y + interval '1 year')::date) AS zy_last,
    count(*)::int AS za, sum(amount) AS za_amount, max(date) AS za_last
  INTO r FROM transactions WHERE customer_id = c AND deleted_at IS NULL;
  PERFORM report_customer_sales_set(c, o, 'm', m, r.om, r.om_amount, r.om_last);
  PERFORM report_customer_sales_set(c, o, 'y', y, r.oy, r.oy_amount, r.oy_last);
  PERFORM report_customer_sales_set(c, o, 'a', '1970-01-01', r.oa, r.oa_amount, r.oa_last);
  PERFORM report_customer_sales_set(c, zero, 'm', m, r.zm, r.zm_amount, r.zm_last);
  PERFORM report_customer_sales_set(c, zero, 'y', y, r.zy, r.zy_amount, r.zy_last);
  PERFORM report_customer_sales_set(c, zero, 'a', '1970-01-01', r.za, r.za_amount, r.za_last);
  DELETE FROM report_first_sales WHERE customer_id = c AND owner_id = o;
  INSERT INTO report_first_sales (customer_id, owner_id, transaction_id, date, created_at, product_id, amount)
    SELECT customer_id, owner_id, id, date, created_at, product_id, amount FROM transactions
    WHERE customer_id = c AND owner_id = o AND deleted_at IS NULL
    ORDER BY date, created_at, id LIMIT 1;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_customer_visits_set(c uuid, o uuid, g text, s date, n int, inp int, last timestamptz, res text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF n = 0 THEN
    DELETE FROM report_customer_visits WHERE customer_id = c AND owner_id = o AND grain = g AND start = s;
  ELSE
    INSERT INTO report_customer_visits (customer_id, owner_id, grain, start, visits, in_person, last_at, last_result)
      VALUES (c, o, g, s, n, inp, last, res)
      ON CONFLICT (customer_id, owner_id, grain, start)
      DO UPDATE SET visits = excluded.visits, in_person = excluded.in_person, last_at = excluded.last_at,
        last_result = excluded.last_result;
  END IF;
END $$;
--> statement-breakpoint
-- The same for contact records (months in Shanghai time), the latest record's result kept.
CREATE OR REPLACE FUNCTION report_customer_visits_refresh(c uuid, o uuid, at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE d date := report_shanghai_day(at); m date := date_trunc('month', d)::date; y date := date_trunc('year', d)::date;
  m0 timestamptz := report_shanghai_start(m); m1 timestamptz := report_shanghai_start((m + interval '1 month')::date);
  y0 timestamptz := report_shanghai_start(y); y1 timestamptz := report_shanghai_start((y + interval '1 year')::date);
  zero uuid := '00000000-0000-0000-0000-000000000000'; r record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('report_visits:' || c::text, 0));
  SELECT
    count(*) FILTER (WHERE owner_id = o AND occurred_at >= m0 AND occurred_at < m1)::int AS om,
    count(*) FILTER (WHERE owner_id = o AND occurred_at >= m0 AND occurred_at < m1 AND channel IN ('visit', 'meeting'))::int AS om_in,
    max(occurred_at) FILTER (WHERE owner_id = o AND occurred_at >= m0 AND occurred_at < m1) AS om_last,
    (array_agg(result ORDER BY occurred_at DESC) FILTER (WHERE owner_id = o AND occurred_at >= m0 AND occurred_at < m1))[1] AS om_result,
    count(*) FILTER (WHERE owner_id = o AND occurred_at >= y0 AND occurred_at < y1)::int AS oy,
    count(*) FILTER (WHERE owner_id = o AND occurred_at >= y0 AND occurred_at < y1 AND channel IN ('visit', 'meeting'))::int AS oy_in,
    max(occurred_at) FILTER (WHERE owner_id = o AND occurred_at >= y0 AND occurred_at < y1) AS oy_last,
    (array_agg(result ORDER BY occurred_at DESC) FILTER (WHERE owner_id = o AND occurred_at >= y0 AND occurred_at < y1))[1] AS oy_result,
    count(*) FILTER (WHERE owner_id = o)::int AS oa,
    count(*) FILTER (WHERE owner_id = o AND channel IN ('visit', 'meeting'))::int AS oa_in,
    max(occurred_at) FILTER (WHERE owner_id = o) AS oa_last,
    (array_agg(result ORDER BY occurred_at DESC) FILTER (WHERE owner_id = o))[1] AS oa_result,
    count(*) FILTER (WHERE occurred_at >= m0 AND occurred_at < m1)::int AS zm,
    count(*) FILTER (WHERE occurred_at >= m0 AND occurred_at < m1 AND channel IN ('visit', 'meeting'))::int AS zm_in,
    max(occurred_at) FILTER (WHERE occurred_at >= m0 AND occurred_at < m1) AS zm_last,
    (array_agg(result ORDER BY occurred_at DESC) FILTER (WHERE occurred_at >= m0 AND occurred_at < m1))[1] AS zm_result,
    count(*) FILTER (WHERE occurred_at >= y0 AND occurred_at < y1)::int AS zy,
    count(*) FILTER (WHERE occurred_at >= y0 AND occurred_at < y1 AND channel IN ('visit', 'meeting'))::int AS zy_in,
    max(occurred_at) FILTER (WHERE occurred_at >= y0 AND occurred_at < y1) AS zy_last,
    (array_agg(result ORDER BY occurred_at DESC) FILTER (WHERE occurred_at >= y0 AND occurred_at < y1))[1] AS zy_result,
    count(*)::int AS za, count(*) FILTER (WHERE channel IN ('visit', 'meeting'))::int AS za_in,
    max(occurred_at) AS za_last, (array_agg(result ORDER BY occurred_at DESC))[1] AS za_result
  INTO r FROM contact_records WHERE customer_id = c AND deleted_at IS NULL;
  PERFORM report_customer_visits_set(c, o, 'm', m, r.om, r.om_in, r.om_last, r.om_result);
  PERFORM report_customer_visits_set(c, o, 'y', y, r.oy, r.oy_in, r.oy_last, r.oy_result);
  PERFORM report_customer_visits_set(c, o, 'a', '1970-01-01', r.oa, r.oa_in, r.oa_last, r.oa_result);
  PERFORM report_customer_visits_set(c, zero, 'm', m, r.zm, r.zm_in, r.zm_last, r.zm_result);
  PERFORM report_customer_visits_set(c, zero, 'y', y, r.zy, r.zy_in, r.zy_last, r.zy_result);
  PERFORM report_customer_visits_set(c, zero, 'a', '1970-01-01', r.za, r.za_in, r.za_last, r.za_result);
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS report_customer_sales_put(uuid, uuid, text, date, date, date);
--> statement-breakpoint
DROP FUNCTION IF EXISTS report_customer_visits_put(uuid, uuid, text, date, timestamptz, timestamptz);
--> statement-breakpoint
-- The rows over every owner, added up from the per-owner rows (a rebuild does the same).
CREATE OR REPLACE FUNCTION report_customer_rows_over_owners() RETURNS void LANGUAGE plpgsql AS $$
DECLARE zero uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  DELETE FROM report_customer_sales WHERE owner_id = zero;
  INSERT INTO report_customer_sales (customer_id, owner_id, grain, start, sales, amount, last_date)
    SELECT customer_id, zero, grain, start, sum(sales), sum(amount), max(last_date)
    FROM report_customer_sales WHERE owner_id <> zero GROUP BY customer_id, grain, start;
  DELETE FROM report_customer_visits WHERE owner_id = zero;
  INSERT INTO report_customer_visits (customer_id, owner_id, grain, start, visits, in_person, last_at, last_result)
    SELECT customer_id, zero, grain, start, sum(visits), sum(in_person), max(last_at),
      (array_agg(last_result ORDER BY last_at DESC))[1]
    FROM report_customer_visits WHERE owner_id <> zero GROUP BY customer_id, grain, start;
END $$;
--> statement-breakpoint
-- Recomputes every aggregate from the records, the rows over every owner included.
CREATE OR REPLACE FUNCTION reports_rebuild_aggregates() RETURNS void LANGUAGE plpgsql AS $$
DECLARE zero uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('reports_compact', 0));
  TRUNCATE report_sales_delta, report_sales_owner, report_sales_product, report_sales_region, report_sales_product_all,
    report_sales_region_all, report_customer_sales, report_first_sales, report_customer_visits, report_feedback_delta,
    report_feedback_type, report_feedback_product, report_feedback_handler, report_feedback_product_all,
    report_feedback_handler_all, report_feedback_trend, report_customer_delta, report_customer_counts;
  INSERT INTO report_sales_delta (owner_id, product_id, day, province, sales, quantity, amount)
    SELECT t.owner_id, t.product_id, date_trunc('month', t.date)::date, c.province, count(*), sum(t.quantity), sum(t.amount)
    FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.deleted_at IS NULL GROUP BY 1, 2, 3, 4;
  INSERT INTO report_customer_sales (customer_id, owner_id, grain, start, sales, amount, last_date)
    SELECT customer_id, owner_id, g.grain, CASE g.grain WHEN 'm' THEN date_trunc('month', date)::date
        WHEN 'y' THEN date_trunc('year', date)::date ELSE '1970-01-01'::date END,
      count(*), sum(amount), max(date)
    FROM transactions, (VALUES ('m'), ('y'), ('a')) AS g(grain) WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
  INSERT INTO report_first_sales (customer_id, owner_id, transaction_id, date, created_at, product_id, amount)
    SELECT DISTINCT ON (customer_id, owner_id) customer_id, owner_id, id, date, created_at, product_id, amount
    FROM transactions WHERE deleted_at IS NULL ORDER BY customer_id, owner_id, date, created_at, id;
  INSERT INTO report_customer_visits (customer_id, owner_id, grain, start, visits, in_person, last_at, last_result)
    SELECT customer_id, owner_id, g.grain, CASE g.grain WHEN 'm' THEN date_trunc('month', report_shanghai_day(occurred_at))::date
        WHEN 'y' THEN date_trunc('year', report_shanghai_day(occurred_at))::date ELSE '1970-01-01'::date END,
      count(*), count(*) FILTER (WHERE channel IN ('visit', 'meeting')), max(occurred_at),
      (array_agg(result ORDER BY occurred_at DESC))[1]
    FROM contact_records, (VALUES ('m'), ('y'), ('a')) AS g(grain) WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
  INSERT INTO report_feedback_delta (owner_id, day, type, product_id, handler_id, feedback, open, responded,
      response_seconds, closed, resolution_seconds, rated, rating_sum)
    SELECT coalesce(c.owner_id, zero), date_trunc('month', f.occurred_on)::date, f.type, coalesce(f.product_id, zero),
      coalesce(f.handler_id, zero), count(*), count(*) FILTER (WHERE f.status <> 'closed'), count(f.first_response_at),
      coalesce(sum(extract(epoch FROM f.first_response_at - f.created_at)), 0), count(f.closed_at),
      coalesce(sum(extract(epoch FROM f.closed_at - f.created_at)), 0), coalesce(sum(v.rated), 0), coalesce(sum(v.rating_sum), 0)
    FROM feedback f JOIN customers c ON c.id = f.customer_id
    LEFT JOIN (SELECT feedback_id, count(rating) AS rated, sum(rating) AS rating_sum FROM return_visits GROUP BY 1) v ON v.feedback_id = f.id
    WHERE f.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO report_feedback_delta (owner_id, day, type, product_id, handler_id, done_month, done_visits, done_rated, done_rating_sum)
    SELECT coalesce(c.owner_id, zero), date_trunc('month', f.occurred_on)::date, f.type, coalesce(f.product_id, zero),
      coalesce(f.handler_id, zero), coalesce(date_trunc('month', report_shanghai_day(v.done_at))::date, '1970-01-01'),
      count(*), count(v.rating), coalesce(sum(v.rating), 0)
    FROM return_visits v JOIN feedback f ON f.id = v.feedback_id JOIN customers c ON c.id = f.customer_id
    WHERE f.deleted_at IS NULL AND v.status = 'done' GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO report_customer_delta (owner_id, province, class, credit_rating, band, customers)
    SELECT coalesce(owner_id, zero), province, class, coalesce(credit_rating, ''), report_revenue_band(annual_revenue), count(*)
    FROM customers WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
  PERFORM report_customer_rows_over_owners();
  PERFORM reports_compact();
END $$;
--> statement-breakpoint
SELECT report_customer_rows_over_owners() WHERE EXISTS (SELECT 1 FROM customers);
