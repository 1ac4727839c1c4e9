CREATE TABLE "report_feedback_attr" (
	"owner_id" uuid NOT NULL,
	"month" date NOT NULL,
	"province" text NOT NULL,
	"class" text NOT NULL,
	"type" text NOT NULL,
	"product_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	"feedback" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"response_seconds" numeric DEFAULT '0' NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"resolution_seconds" numeric DEFAULT '0' NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_feedback_attr_owner_id_month_province_class_type_product_id_handler_id_pk" PRIMARY KEY("owner_id","month","province","class","type","product_id","handler_id")
);
--> statement-breakpoint
CREATE TABLE "report_feedback_attr_trend" (
	"owner_id" uuid NOT NULL,
	"month" date NOT NULL,
	"province" text NOT NULL,
	"class" text NOT NULL,
	"done_month" date NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_feedback_attr_trend_owner_id_month_province_class_done_month_pk" PRIMARY KEY("owner_id","month","province","class","done_month")
);
--> statement-breakpoint
CREATE TABLE "report_sales_attr" (
	"owner_id" uuid NOT NULL,
	"month" date NOT NULL,
	"product_id" uuid NOT NULL,
	"province" text NOT NULL,
	"class" text NOT NULL,
	"sales" integer DEFAULT 0 NOT NULL,
	"quantity" numeric DEFAULT '0' NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_sales_attr_owner_id_month_product_id_province_class_pk" PRIMARY KEY("owner_id","month","product_id","province","class")
);
--> statement-breakpoint
CREATE TABLE "report_sales_attr_all" (
	"month" date NOT NULL,
	"product_id" uuid NOT NULL,
	"province" text NOT NULL,
	"class" text NOT NULL,
	"sales" integer DEFAULT 0 NOT NULL,
	"quantity" numeric DEFAULT '0' NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_sales_attr_all_month_product_id_province_class_pk" PRIMARY KEY("month","product_id","province","class")
);
--> statement-breakpoint
CREATE TABLE "report_sales_attr_owner" (
	"owner_id" uuid NOT NULL,
	"month" date NOT NULL,
	"province" text NOT NULL,
	"class" text NOT NULL,
	"sales" integer DEFAULT 0 NOT NULL,
	"quantity" numeric DEFAULT '0' NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_sales_attr_owner_owner_id_month_province_class_pk" PRIMARY KEY("owner_id","month","province","class")
);
--> statement-breakpoint
ALTER TABLE "report_customer_sales" ADD COLUMN "province" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_customer_sales" ADD COLUMN "class" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_customer_visits" ADD COLUMN "province" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_customer_visits" ADD COLUMN "class" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_feedback_delta" ADD COLUMN "province" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_feedback_delta" ADD COLUMN "class" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_first_sales" ADD COLUMN "province" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_first_sales" ADD COLUMN "class" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_sales_delta" ADD COLUMN "class" text DEFAULT '' NOT NULL;--> statement-breakpoint










-- Report aggregates, third step: the customer's province and class (the reports' region and class
-- filters) on the per-customer rows, on the sales and feedback deltas and in rollups of their own,
-- so a filtered report reads aggregates as an unfiltered one does. A customer's new province or
-- class moves its rows (the customers trigger); a sale, visit or feedback takes its customer's.
-- First the deltas appended so far go into the rollups (they carry no class).
SELECT reports_compact();
--> statement-breakpoint
DROP INDEX IF EXISTS "report_customer_sales_block_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "report_customer_visits_block_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "report_first_sales_customer_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "report_first_sales_owner_idx";
--> statement-breakpoint
-- The rows are relabelled with no index to keep up (faster than updating each index row by row).
ALTER TABLE "report_customer_sales" DROP CONSTRAINT "report_customer_sales_customer_id_owner_id_grain_start_pk";
--> statement-breakpoint
ALTER TABLE "report_customer_visits" DROP CONSTRAINT "report_customer_visits_customer_id_owner_id_grain_start_pk";
--> statement-breakpoint
ALTER TABLE "report_first_sales" DROP CONSTRAINT "report_first_sales_customer_id_owner_id_pk";
--> statement-breakpoint
UPDATE report_customer_sales s SET province = c.province, class = c.class FROM customers c WHERE c.id = s.customer_id;
--> statement-breakpoint
UPDATE report_customer_visits s SET province = c.province, class = c.class FROM customers c WHERE c.id = s.customer_id;
--> statement-breakpoint
UPDATE report_first_sales s SET province = c.province, class = c.class FROM customers c WHERE c.id = s.customer_id;
--> statement-breakpoint
ALTER TABLE "report_customer_sales" ADD CONSTRAINT "report_customer_sales_customer_id_owner_id_grain_start_pk"
  PRIMARY KEY ("customer_id", "owner_id", "grain", "start");
--> statement-breakpoint
ALTER TABLE "report_customer_visits" ADD CONSTRAINT "report_customer_visits_customer_id_owner_id_grain_start_pk"
  PRIMARY KEY ("customer_id", "owner_id", "grain", "start");
--> statement-breakpoint
ALTER TABLE "report_first_sales" ADD CONSTRAINT "report_first_sales_customer_id_owner_id_pk" PRIMARY KEY ("customer_id", "owner_id");
--> statement-breakpoint
CREATE INDEX "report_first_sales_owner_idx" ON "report_first_sales" USING btree ("owner_id");
--> statement-breakpoint
-- Covering indexes: a block's rows by owner (a class filter reads them, checked in the index), and
-- by province (a region filter reads only its own).
CREATE INDEX "report_customer_sales_block_idx" ON "report_customer_sales" ("grain", "start", "owner_id")
  INCLUDE ("customer_id", "sales", "amount", "last_date", "province", "class");
--> statement-breakpoint
CREATE INDEX "report_customer_sales_province_idx" ON "report_customer_sales" ("grain", "start", "province", "owner_id")
  INCLUDE ("customer_id", "sales", "amount", "last_date", "class");
--> statement-breakpoint
CREATE INDEX "report_customer_visits_block_idx" ON "report_customer_visits" ("grain", "start", "owner_id")
  INCLUDE ("customer_id", "visits", "in_person", "last_at", "province", "class");
--> statement-breakpoint
CREATE INDEX "report_customer_visits_province_idx" ON "report_customer_visits" ("grain", "start", "province", "owner_id")
  INCLUDE ("customer_id", "visits", "in_person", "last_at", "class");
--> statement-breakpoint
CREATE INDEX "report_first_sales_customer_idx" ON "report_first_sales" ("customer_id", "date", "created_at")
  INCLUDE ("owner_id", "province", "class");
--> statement-breakpoint
CREATE INDEX "report_first_sales_province_idx" ON "report_first_sales" ("province", "customer_id", "date", "created_at")
  INCLUDE ("owner_id", "class");
--> statement-breakpoint
-- The customers of a province or class, for what is still read through the customers under those
-- filters (orders by status, the records of a period's leftover days): a narrow index, read alone.
CREATE INDEX IF NOT EXISTS "customers_province_class_idx" ON "customers" ("province", "class", "id");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_customer_sales_set(c uuid, o uuid, g text, s date, n int, amt numeric, last date, p text, cl text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF n = 0 THEN
    DELETE FROM report_customer_sales WHERE customer_id = c AND owner_id = o AND grain = g AND start = s;
  ELSE
    INSERT INTO report_customer_sales (customer_id, owner_id, grain, start, sales, amount, last_date, province, class)
      VALUES (c, o, g, s, n, amt, last, p, cl)
      ON CONFLICT (customer_id, owner_id, grain, start)
      DO UPDATE SET sales = excluded.sales, amount = excluded.amount, last_date = excluded.last_date,
        province = excluded.province, class = excluded.class;
  END IF;
END $$;
--> statement-breakpoint
-- As in 0025, with the customer's province and class (its row share-locked: a concurrent change of
-- them waits, or is waited for and then read).
CREATE OR REPLACE FUNCTION report_customer_sales_refresh(c uuid, o uuid, d date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE m date := date_trunc('month', d)::date; y date := date_trunc('year', d)::date;
  zero uuid := '00000000-0000-0000-0000-000000000000'; r record; p text; cl text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('report_customer:' || c::text, 0));
  SELECT province, class INTO p, cl FROM customers WHERE id = c FOR SHARE;
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
  PERFORM report_customer_sales_set(c, o, 'm', m, r.om, r.om_amount, r.om_last, p, cl);
  PERFORM report_customer_sales_set(c, o, 'y', y, r.oy, r.oy_amount, r.oy_last, p, cl);
  PERFORM report_customer_sales_set(c, o, 'a', '1970-01-01', r.oa, r.oa_amount, r.oa_last, p, cl);
  PERFORM report_customer_sales_set(c, zero, 'm', m, r.zm, r.zm_amount, r.zm_last, p, cl);
  PERFORM report_customer_sales_set(c, zero, 'y', y, r.zy, r.zy_amount, r.zy_last, p, cl);
  PERFORM report_customer_sales_set(c, zero, 'a', '1970-01-01', r.za, r.za_amount, r.za_last, p, cl);
  DELETE FROM report_first_sales WHERE customer_id = c AND owner_id = o;
  INSERT INTO report_first_sales (customer_id, owner_id, transaction_id, date, created_at, product_id, amount, province, class)
    SELECT customer_id, owner_id, id, date, created_at, product_id, amount, p, cl FROM transactions
    WHERE customer_id = c AND owner_id = o AND deleted_at IS NULL
    ORDER BY date, created_at, id LIMIT 1;
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS report_customer_sales_set(uuid, uuid, text, date, int, numeric, date);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_customer_visits_set(c uuid, o uuid, g text, s date, n int, inp int, last timestamptz, res text, p text, cl text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF n = 0 THEN
    DELETE FROM report_customer_visits WHERE customer_id = c AND owner_id = o AND grain = g AND start = s;
  ELSE
    INSERT INTO report_customer_visits (customer_id, owner_id, grain, start, visits, in_person, last_at, last_result, province, class)
      VALUES (c, o, g, s, n, inp, last, res, p, cl)
      ON CONFLICT (customer_id, owner_id, grain, start)
      DO UPDATE SET visits = excluded.visits, in_person = excluded.in_person, last_at = excluded.last_at,
        last_result = excluded.last_result, province = excluded.province, class = excluded.class;
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_customer_visits_refresh(c uuid, o uuid, at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE d date := report_shanghai_day(at); m date := date_trunc('month', d)::date; y date := date_trunc('year', d)::date;
  m0 timestamptz := report_shanghai_start(m); m1 timestamptz := report_shanghai_start((m + interval '1 month')::date);
  y0 timestamptz := report_shanghai_start(y); y1 timestamptz := report_shanghai_start((y + interval '1 year')::date);
  zero uuid := '00000000-0000-0000-0000-000000000000'; r record; p text; cl text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('report_visits:' || c::text, 0));
  SELECT province, class INTO p, cl FROM customers WHERE id = c FOR SHARE;
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
  PERFORM report_customer_visits_set(c, o, 'm', m, r.om, r.om_in, r.om_last, r.om_result, p, cl);
  PERFORM report_customer_visits_set(c, o, 'y', y, r.oy, r.oy_in, r.oy_last, r.oy_result, p, cl);
  PERFORM report_customer_visits_set(c, o, 'a', '1970-01-01', r.oa, r.oa_in, r.oa_last, r.oa_result, p, cl);
  PERFORM report_customer_visits_set(c, zero, 'm', m, r.zm, r.zm_in, r.zm_last, r.zm_result, p, cl);
  PERFORM report_customer_visits_set(c, zero, 'y', y, r.zy, r.zy_in, r.zy_last, r.zy_result, p, cl);
  PERFORM report_customer_visits_set(c, zero, 'a', '1970-01-01', r.za, r.za_in, r.za_last, r.za_result, p, cl);
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS report_customer_visits_set(uuid, uuid, text, date, int, int, timestamptz, text);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_sales_delta_of(t transactions, sgn int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE p text; cl text;
BEGIN
  IF t.deleted_at IS NOT NULL THEN RETURN; END IF;
  SELECT province, class INTO p, cl FROM customers WHERE id = t.customer_id FOR SHARE;
  INSERT INTO report_sales_delta (owner_id, product_id, day, province, class, sales, quantity, amount)
    VALUES (t.owner_id, t.product_id, t.date, coalesce(p, ''), coalesce(cl, ''), sgn, sgn * t.quantity, sgn * t.amount);
END $$;
--> statement-breakpoint
-- A feedback's part under an owner, province and class (the customer's).
CREATE OR REPLACE FUNCTION report_feedback_delta_of(f feedback, o uuid, p text, cl text, sgn int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE zero uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  IF f.deleted_at IS NOT NULL THEN RETURN; END IF;
  INSERT INTO report_feedback_delta (owner_id, day, type, product_id, handler_id, province, class, feedback, open, responded,
      response_seconds, closed, resolution_seconds, rated, rating_sum)
    SELECT coalesce(o, zero), f.occurred_on, f.type, coalesce(f.product_id, zero), coalesce(f.handler_id, zero),
      coalesce(p, ''), coalesce(cl, ''), sgn,
      sgn * (f.status <> 'closed')::int, sgn * (f.first_response_at IS NOT NULL)::int,
      sgn * coalesce(extract(epoch FROM f.first_response_at - f.created_at), 0), sgn * (f.closed_at IS NOT NULL)::int,
      sgn * coalesce(extract(epoch FROM f.closed_at - f.created_at), 0),
      sgn * (SELECT count(v.rating) FROM return_visits v WHERE v.feedback_id = f.id),
      sgn * (SELECT coalesce(sum(v.rating), 0) FROM return_visits v WHERE v.feedback_id = f.id);
  INSERT INTO report_feedback_delta (owner_id, day, type, product_id, handler_id, province, class, done_month, done_visits,
      done_rated, done_rating_sum)
    SELECT coalesce(o, zero), f.occurred_on, f.type, coalesce(f.product_id, zero), coalesce(f.handler_id, zero),
      coalesce(p, ''), coalesce(cl, ''), coalesce(date_trunc('month', report_shanghai_day(v.done_at))::date, '1970-01-01'),
      sgn * count(*), sgn * count(v.rating), sgn * coalesce(sum(v.rating), 0)
    FROM return_visits v WHERE v.feedback_id = f.id AND v.status = 'done' GROUP BY 8;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_feedback_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE cu record;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.deleted_at IS NULL) = (NEW.deleted_at IS NULL) AND OLD.customer_id = NEW.customer_id
     AND OLD.occurred_on = NEW.occurred_on AND OLD.type = NEW.type AND OLD.product_id IS NOT DISTINCT FROM NEW.product_id
     AND OLD.handler_id IS NOT DISTINCT FROM NEW.handler_id AND (OLD.status = 'closed') = (NEW.status = 'closed')
     AND OLD.first_response_at IS NOT DISTINCT FROM NEW.first_response_at
     AND OLD.closed_at IS NOT DISTINCT FROM NEW.closed_at AND OLD.created_at = NEW.created_at THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT owner_id, province, class INTO cu FROM customers WHERE id = OLD.customer_id FOR SHARE;
    PERFORM report_feedback_delta_of(OLD, cu.owner_id, cu.province, cu.class, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT owner_id, province, class INTO cu FROM customers WHERE id = NEW.customer_id FOR SHARE;
    PERFORM report_feedback_delta_of(NEW, cu.owner_id, cu.province, cu.class, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_return_visit_delta_of(v return_visits, sgn int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE zero uuid := '00000000-0000-0000-0000-000000000000'; f feedback; cu record;
BEGIN
  SELECT * INTO f FROM feedback WHERE id = v.feedback_id FOR SHARE;
  IF NOT FOUND OR f.deleted_at IS NOT NULL THEN RETURN; END IF;
  SELECT owner_id, province, class INTO cu FROM customers WHERE id = f.customer_id FOR SHARE;
  INSERT INTO report_feedback_delta (owner_id, day, type, product_id, handler_id, province, class, done_month, rated,
      rating_sum, done_visits, done_rated, done_rating_sum)
    VALUES (coalesce(cu.owner_id, zero), f.occurred_on, f.type, coalesce(f.product_id, zero), coalesce(f.handler_id, zero),
      coalesce(cu.province, ''), coalesce(cu.class, ''),
      CASE WHEN v.status = 'done' THEN coalesce(date_trunc('month', report_shanghai_day(v.done_at))::date, '1970-01-01') END,
      sgn * (v.rating IS NOT NULL)::int, sgn * coalesce(v.rating, 0),
      sgn * (v.status = 'done')::int, sgn * (v.status = 'done' AND v.rating IS NOT NULL)::int,
      sgn * CASE WHEN v.status = 'done' THEN coalesce(v.rating, 0) ELSE 0 END);
END $$;
--> statement-breakpoint
-- Customers: as in 0021, and a new province or class moves the customer's sales and feedback between
-- them and relabels its per-customer rows.
CREATE OR REPLACE FUNCTION report_customers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE zero uuid := '00000000-0000-0000-0000-000000000000'; f feedback;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL AND (TG_OP = 'DELETE' OR NEW.deleted_at IS NOT NULL
     OR OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.province <> NEW.province OR OLD.class <> NEW.class
     OR OLD.credit_rating IS DISTINCT FROM NEW.credit_rating
     OR report_revenue_band(OLD.annual_revenue) <> report_revenue_band(NEW.annual_revenue)) THEN
    INSERT INTO report_customer_delta (owner_id, province, class, credit_rating, band, customers)
      VALUES (coalesce(OLD.owner_id, zero), OLD.province, OLD.class, coalesce(OLD.credit_rating, ''),
        report_revenue_band(OLD.annual_revenue), -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL AND (TG_OP = 'INSERT' OR OLD.deleted_at IS NOT NULL
     OR OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.province <> NEW.province OR OLD.class <> NEW.class
     OR OLD.credit_rating IS DISTINCT FROM NEW.credit_rating
     OR report_revenue_band(OLD.annual_revenue) <> report_revenue_band(NEW.annual_revenue)) THEN
    INSERT INTO report_customer_delta (owner_id, province, class, credit_rating, band, customers)
      VALUES (coalesce(NEW.owner_id, zero), NEW.province, NEW.class, coalesce(NEW.credit_rating, ''),
        report_revenue_band(NEW.annual_revenue), 1);
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.province <> NEW.province OR OLD.class <> NEW.class) THEN
    INSERT INTO report_sales_delta (owner_id, product_id, day, province, class, sales, quantity, amount)
      SELECT owner_id, product_id, date, p.province, p.class, p.sgn * count(*), p.sgn * sum(quantity), p.sgn * sum(amount)
      FROM transactions, (VALUES (OLD.province, OLD.class, -1), (NEW.province, NEW.class, 1)) AS p(province, class, sgn)
      WHERE customer_id = NEW.id AND deleted_at IS NULL GROUP BY owner_id, product_id, date, p.province, p.class, p.sgn;
    UPDATE report_customer_sales SET province = NEW.province, class = NEW.class WHERE customer_id = NEW.id;
    UPDATE report_customer_visits SET province = NEW.province, class = NEW.class WHERE customer_id = NEW.id;
    UPDATE report_first_sales SET province = NEW.province, class = NEW.class WHERE customer_id = NEW.id;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.province <> NEW.province
     OR OLD.class <> NEW.class) THEN
    FOR f IN SELECT * FROM feedback WHERE customer_id = NEW.id AND deleted_at IS NULL LOOP
      PERFORM report_feedback_delta_of(f, OLD.owner_id, OLD.province, OLD.class, -1);
      PERFORM report_feedback_delta_of(f, NEW.owner_id, NEW.province, NEW.class, 1);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS report_feedback_delta_of(feedback, uuid, int);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reports_compact() RETURNS void LANGUAGE plpgsql AS $$
DECLARE m bigint;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended('reports_compact', 0)) THEN RETURN; END IF;
  SELECT max(id) INTO m FROM report_sales_delta;
  IF m IS NOT NULL THEN
    WITH d AS (DELETE FROM report_sales_delta WHERE id <= m RETURNING *),
    g AS (SELECT owner_id, product_id, date_trunc('month', day)::date AS month, province, class,
        sum(sales)::int AS sales, sum(quantity) AS quantity, sum(amount) AS amount FROM d GROUP BY 1, 2, 3, 4, 5),
    a AS (INSERT INTO report_sales_owner AS r SELECT owner_id, month, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY owner_id, month
      ON CONFLICT (owner_id, month) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount),
    b AS (INSERT INTO report_sales_product AS r SELECT owner_id, month, product_id, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY owner_id, month, product_id
      ON CONFLICT (owner_id, month, product_id) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount),
    c AS (INSERT INTO report_sales_region AS r SELECT owner_id, month, province, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY owner_id, month, province
      ON CONFLICT (owner_id, month, province) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount),
    e AS (INSERT INTO report_sales_product_all AS r SELECT month, product_id, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY month, product_id
      ON CONFLICT (month, product_id) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount),
    h AS (INSERT INTO report_sales_region_all AS r SELECT month, province, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY month, province
      ON CONFLICT (month, province) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount),
    i AS (INSERT INTO report_sales_attr AS r SELECT owner_id, month, product_id, province, class, sales, quantity, amount FROM g
      ON CONFLICT (owner_id, month, product_id, province, class) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount),
    j AS (INSERT INTO report_sales_attr_owner AS r SELECT owner_id, month, province, class, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY owner_id, month, province, class
      ON CONFLICT (owner_id, month, province, class) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount)
    INSERT INTO report_sales_attr_all AS r SELECT month, product_id, province, class, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY month, product_id, province, class
      ON CONFLICT (month, product_id, province, class) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount;
  END IF;
  SELECT max(id) INTO m FROM report_feedback_delta;
  IF m IS NOT NULL THEN
    WITH d AS (DELETE FROM report_feedback_delta WHERE id <= m RETURNING *),
    g AS (SELECT owner_id, date_trunc('month', day)::date AS month, province, class, type, product_id, handler_id, done_month,
        sum(feedback)::int AS feedback, sum(open)::int AS open, sum(responded)::int AS responded,
        sum(response_seconds) AS response_seconds, sum(closed)::int AS closed, sum(resolution_seconds) AS resolution_seconds,
        sum(rated)::int AS rated, sum(rating_sum)::int AS rating_sum, sum(done_visits)::int AS done_visits,
        sum(done_rated)::int AS done_rated, sum(done_rating_sum)::int AS done_rating_sum
      FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8),
    a AS (INSERT INTO report_feedback_type AS r SELECT owner_id, month, type, sum(feedback), sum(open), sum(responded), sum(response_seconds), sum(closed), sum(resolution_seconds), sum(rated), sum(rating_sum) FROM g GROUP BY owner_id, month, type
      ON CONFLICT (owner_id, month, type) DO UPDATE SET feedback = r.feedback + excluded.feedback, open = r.open + excluded.open, responded = r.responded + excluded.responded, response_seconds = r.response_seconds + excluded.response_seconds, closed = r.closed + excluded.closed, resolution_seconds = r.resolution_seconds + excluded.resolution_seconds, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum),
    b AS (INSERT INTO report_feedback_product AS r SELECT owner_id, month, product_id, sum(feedback), sum(open), sum(responded), sum(response_seconds), sum(closed), sum(resolution_seconds), sum(rated), sum(rating_sum) FROM g GROUP BY owner_id, month, product_id
      ON CONFLICT (owner_id, month, product_id) DO UPDATE SET feedback = r.feedback + excluded.feedback, open = r.open + excluded.open, responded = r.responded + excluded.responded, response_seconds = r.response_seconds + excluded.response_seconds, closed = r.closed + excluded.closed, resolution_seconds = r.resolution_seconds + excluded.resolution_seconds, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum),
    c AS (INSERT INTO report_feedback_handler AS r SELECT owner_id, month, handler_id, sum(feedback), sum(open), sum(responded), sum(response_seconds), sum(closed), sum(resolution_seconds), sum(rated), sum(rating_sum) FROM g GROUP BY owner_id, month, handler_id
      ON CONFLICT (owner_id, month, handler_id) DO UPDATE SET feedback = r.feedback + excluded.feedback, open = r.open + excluded.open, responded = r.responded + excluded.responded, response_seconds = r.response_seconds + excluded.response_seconds, closed = r.closed + excluded.closed, resolution_seconds = r.resolution_seconds + excluded.resolution_seconds, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum),
    e AS (INSERT INTO report_feedback_product_all AS r SELECT month, product_id, sum(feedback), sum(open), sum(responded), sum(response_seconds), sum(closed), sum(resolution_seconds), sum(rated), sum(rating_sum) FROM g GROUP BY month, product_id
      ON CONFLICT (month, product_id) DO UPDATE SET feedback = r.feedback + excluded.feedback, open = r.open + excluded.open, responded = r.responded + excluded.responded, response_seconds = r.response_seconds + excluded.response_seconds, closed = r.closed + excluded.closed, resolution_seconds = r.resolution_seconds + excluded.resolution_seconds, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum),
    h AS (INSERT INTO report_feedback_handler_all AS r SELECT month, handler_id, sum(feedback), sum(open), sum(responded), sum(response_seconds), sum(closed), sum(resolution_seconds), sum(rated), sum(rating_sum) FROM g GROUP BY month, handler_id
      ON CONFLICT (month, handler_id) DO UPDATE SET feedback = r.feedback + excluded.feedback, open = r.open + excluded.open, responded = r.responded + excluded.responded, response_seconds = r.response_seconds + excluded.response_seconds, closed = r.closed + excluded.closed, resolution_seconds = r.resolution_seconds + excluded.resolution_seconds, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum),
    i AS (INSERT INTO report_feedback_attr AS r SELECT owner_id, month, province, class, type, product_id, handler_id, sum(feedback), sum(open), sum(responded), sum(response_seconds), sum(closed), sum(resolution_seconds), sum(rated), sum(rating_sum) FROM g GROUP BY owner_id, month, province, class, type, product_id, handler_id
      ON CONFLICT (owner_id, month, province, class, type, product_id, handler_id) DO UPDATE SET feedback = r.feedback + excluded.feedback, open = r.open + excluded.open, responded = r.responded + excluded.responded, response_seconds = r.response_seconds + excluded.response_seconds, closed = r.closed + excluded.closed, resolution_seconds = r.resolution_seconds + excluded.resolution_seconds, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum),
    j AS (INSERT INTO report_feedback_attr_trend AS r SELECT owner_id, month, province, class, done_month, sum(done_visits), sum(done_rated), sum(done_rating_sum)
      FROM g WHERE done_month IS NOT NULL GROUP BY owner_id, month, province, class, done_month
      ON CONFLICT (owner_id, month, province, class, done_month) DO UPDATE SET visits = r.visits + excluded.visits, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum)
    INSERT INTO report_feedback_trend AS r SELECT owner_id, month, done_month, sum(done_visits), sum(done_rated), sum(done_rating_sum)
      FROM g WHERE done_month IS NOT NULL GROUP BY owner_id, month, done_month
      ON CONFLICT (owner_id, month, done_month) DO UPDATE SET visits = r.visits + excluded.visits, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum;
  END IF;
  SELECT max(id) INTO m FROM report_customer_delta;
  IF m IS NOT NULL THEN
    WITH d AS (DELETE FROM report_customer_delta WHERE id <= m RETURNING *)
    INSERT INTO report_customer_counts AS r SELECT owner_id, province, class, credit_rating, band, sum(customers)
      FROM d GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (owner_id, province, class, credit_rating, band) DO UPDATE SET customers = r.customers + excluded.customers;
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_customer_rows_over_owners() RETURNS void LANGUAGE plpgsql AS $$
DECLARE zero uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  DELETE FROM report_customer_sales WHERE owner_id = zero;
  INSERT INTO report_customer_sales (customer_id, owner_id, grain, start, sales, amount, last_date, province, class)
    SELECT customer_id, zero, grain, start, sum(sales), sum(amount), max(last_date), min(province), min(class)
    FROM report_customer_sales WHERE owner_id <> zero GROUP BY customer_id, grain, start;
  DELETE FROM report_customer_visits WHERE owner_id = zero;
  INSERT INTO report_customer_visits (customer_id, owner_id, grain, start, visits, in_person, last_at, last_result, province, class)
    SELECT customer_id, zero, grain, start, sum(visits), sum(in_person), max(last_at),
      (array_agg(last_result ORDER BY last_at DESC))[1], min(province), min(class)
    FROM report_customer_visits WHERE owner_id <> zero GROUP BY customer_id, grain, start;
END $$;
--> statement-breakpoint
-- Recomputes every aggregate from the records (as in 0025, with provinces and classes).
CREATE OR REPLACE FUNCTION reports_rebuild_aggregates() RETURNS void LANGUAGE plpgsql AS $$
DECLARE zero uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('reports_compact', 0));
  TRUNCATE report_sales_delta, report_sales_owner, report_sales_product, report_sales_region, report_sales_product_all,
    report_sales_region_all, report_sales_attr, report_sales_attr_owner, report_sales_attr_all, report_customer_sales,
    report_first_sales, report_customer_visits, report_feedback_delta, report_feedback_type, report_feedback_product,
    report_feedback_handler, report_feedback_product_all, report_feedback_handler_all, report_feedback_trend,
    report_feedback_attr, report_feedback_attr_trend, report_customer_delta, report_customer_counts;
  INSERT INTO report_sales_delta (owner_id, product_id, day, province, class, sales, quantity, amount)
    SELECT t.owner_id, t.product_id, date_trunc('month', t.date)::date, c.province, c.class, count(*), sum(t.quantity), sum(t.amount)
    FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO report_customer_sales (customer_id, owner_id, grain, start, sales, amount, last_date, province, class)
    SELECT x.*, c.province, c.class FROM (
      SELECT customer_id, owner_id, g.grain, CASE g.grain WHEN 'm' THEN date_trunc('month', date)::date
          WHEN 'y' THEN date_trunc('year', date)::date ELSE '1970-01-01'::date END,
        count(*), sum(amount), max(date)
      FROM transactions, (VALUES ('m'), ('y'), ('a')) AS g(grain) WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4) x
    JOIN customers c ON c.id = x.customer_id;
  INSERT INTO report_first_sales (customer_id, owner_id, transaction_id, date, created_at, product_id, amount, province, class)
    SELECT x.*, c.province, c.class FROM (
      SELECT DISTINCT ON (customer_id, owner_id) customer_id, owner_id, id, date, created_at, product_id, amount
      FROM transactions WHERE deleted_at IS NULL ORDER BY customer_id, owner_id, date, created_at, id) x
    JOIN customers c ON c.id = x.customer_id;
  INSERT INTO report_customer_visits (customer_id, owner_id, grain, start, visits, in_person, last_at, last_result, province, class)
    SELECT x.*, c.province, c.class FROM (
      SELECT customer_id, owner_id, g.grain, CASE g.grain WHEN 'm' THEN date_trunc('month', report_shanghai_day(occurred_at))::date
          WHEN 'y' THEN date_trunc('year', report_shanghai_day(occurred_at))::date ELSE '1970-01-01'::date END,
        count(*), count(*) FILTER (WHERE channel IN ('visit', 'meeting')), max(occurred_at),
        (array_agg(result ORDER BY occurred_at DESC))[1]
      FROM contact_records, (VALUES ('m'), ('y'), ('a')) AS g(grain) WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4) x
    JOIN customers c ON c.id = x.customer_id;
  INSERT INTO report_feedback_delta (owner_id, day, type, product_id, handler_id, province, class, feedback, open, responded,
      response_seconds, closed, resolution_seconds, rated, rating_sum)
    SELECT coalesce(c.owner_id, zero), date_trunc('month', f.occurred_on)::date, f.type, coalesce(f.product_id, zero),
      coalesce(f.handler_id, zero), c.province, c.class, count(*), count(*) FILTER (WHERE f.status <> 'closed'),
      count(f.first_response_at), coalesce(sum(extract(epoch FROM f.first_response_at - f.created_at)), 0), count(f.closed_at),
      coalesce(sum(extract(epoch FROM f.closed_at - f.created_at)), 0), coalesce(sum(v.rated), 0), coalesce(sum(v.rating_sum), 0)
    FROM feedback f JOIN customers c ON c.id = f.customer_id
    LEFT JOIN (SELECT feedback_id, count(rating) AS rated, sum(rating) AS rating_sum FROM return_visits GROUP BY 1) v ON v.feedback_id = f.id
    WHERE f.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO report_feedback_delta (owner_id, day, type, product_id, handler_id, province, class, done_month, done_visits,
      done_rated, done_rating_sum)
    SELECT coalesce(c.owner_id, zero), date_trunc('month', f.occurred_on)::date, f.type, coalesce(f.product_id, zero),
      coalesce(f.handler_id, zero), c.province, c.class,
      coalesce(date_trunc('month', report_shanghai_day(v.done_at))::date, '1970-01-01'),
      count(*), count(v.rating), coalesce(sum(v.rating), 0)
    FROM return_visits v JOIN feedback f ON f.id = v.feedback_id JOIN customers c ON c.id = f.customer_id
    WHERE f.deleted_at IS NULL AND v.status = 'done' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO report_customer_delta (owner_id, province, class, credit_rating, band, customers)
    SELECT coalesce(owner_id, zero), province, class, coalesce(credit_rating, ''), report_revenue_band(annual_revenue), count(*)
    FROM customers WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
  PERFORM report_customer_rows_over_owners();
  PERFORM reports_compact();
END $$;
--> statement-breakpoint
-- The new rollups of the records that exist (the older rollups hold them already).
INSERT INTO report_sales_attr (owner_id, month, product_id, province, class, sales, quantity, amount)
  SELECT t.owner_id, date_trunc('month', t.date)::date, t.product_id, c.province, c.class, count(*), sum(t.quantity), sum(t.amount)
  FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO report_sales_attr_owner (owner_id, month, province, class, sales, quantity, amount)
  SELECT owner_id, month, province, class, sum(sales), sum(quantity), sum(amount) FROM report_sales_attr GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO report_sales_attr_all (month, product_id, province, class, sales, quantity, amount)
  SELECT month, product_id, province, class, sum(sales), sum(quantity), sum(amount) FROM report_sales_attr GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO report_feedback_attr (owner_id, month, province, class, type, product_id, handler_id, feedback, open, responded,
    response_seconds, closed, resolution_seconds, rated, rating_sum)
  SELECT coalesce(c.owner_id, '00000000-0000-0000-0000-000000000000'), date_trunc('month', f.occurred_on)::date, c.province, c.class,
    f.type, coalesce(f.product_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(f.handler_id, '00000000-0000-0000-0000-000000000000'), count(*), count(*) FILTER (WHERE f.status <> 'closed'),
    count(f.first_response_at), coalesce(sum(extract(epoch FROM f.first_response_at - f.created_at)), 0), count(f.closed_at),
    coalesce(sum(extract(epoch FROM f.closed_at - f.created_at)), 0), coalesce(sum(v.rated), 0), coalesce(sum(v.rating_sum), 0)
  FROM feedback f JOIN customers c ON c.id = f.customer_id
  LEFT JOIN (SELECT feedback_id, count(rating) AS rated, sum(rating) AS rating_sum FROM return_visits GROUP BY 1) v ON v.feedback_id = f.id
  WHERE f.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO report_feedback_attr_trend (owner_id, month, province, class, done_month, visits, rated, rating_sum)
  SELECT coalesce(c.owner_id, '00000000-0000-0000-0000-000000000000'), date_trunc('month', f.occurred_on)::date, c.province, c.class,
    coalesce(date_trunc('month', report_shanghai_day(v.done_at))::date, '1970-01-01'), count(*), count(v.rating), coalesce(sum(v.rating), 0)
  FROM return_visits v JOIN feedback f ON f.id = v.feedback_id JOIN customers c ON c.id = f.customer_id
  WHERE f.deleted_at IS NULL AND v.status = 'done' GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
-- Their indexes once they are filled.
CREATE INDEX "report_feedback_attr_province_idx" ON "report_feedback_attr" USING btree ("province","month");
--> statement-breakpoint
CREATE INDEX "report_feedback_attr_class_idx" ON "report_feedback_attr" USING btree ("class","month");
--> statement-breakpoint
CREATE INDEX "report_feedback_attr_trend_province_idx" ON "report_feedback_attr_trend" USING btree ("province","month");
--> statement-breakpoint
CREATE INDEX "report_feedback_attr_trend_class_idx" ON "report_feedback_attr_trend" USING btree ("class","month");
--> statement-breakpoint
CREATE INDEX "report_sales_attr_province_idx" ON "report_sales_attr" USING btree ("province","month");
--> statement-breakpoint
CREATE INDEX "report_sales_attr_class_idx" ON "report_sales_attr" USING btree ("class","month");
--> statement-breakpoint
CREATE INDEX "report_sales_attr_all_province_idx" ON "report_sales_attr_all" USING btree ("province","month");
--> statement-breakpoint
CREATE INDEX "report_sales_attr_all_class_idx" ON "report_sales_attr_all" USING btree ("class","month");
--> statement-breakpoint
CREATE INDEX "report_sales_attr_owner_province_idx" ON "report_sales_attr_owner" USING btree ("province","month");
--> statement-breakpoint
CREATE INDEX "report_sales_attr_owner_class_idx" ON "report_sales_attr_owner" USING btree ("class","month");
