CREATE TABLE "report_customer_counts" (
	"owner_id" uuid NOT NULL,
	"province" text NOT NULL,
	"class" text NOT NULL,
	"credit_rating" text NOT NULL,
	"band" text NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_customer_counts_owner_id_province_class_credit_rating_band_pk" PRIMARY KEY("owner_id","province","class","credit_rating","band")
);
--> statement-breakpoint
CREATE TABLE "report_customer_delta" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_customer_delta_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"province" text NOT NULL,
	"class" text NOT NULL,
	"credit_rating" text NOT NULL,
	"band" text NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_customer_sales" (
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"start" date NOT NULL,
	"sales" integer DEFAULT 0 NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	"last_date" date NOT NULL,
	CONSTRAINT "report_customer_sales_customer_id_owner_id_grain_start_pk" PRIMARY KEY("customer_id","owner_id","grain","start")
);
--> statement-breakpoint
CREATE TABLE "report_customer_visits" (
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"start" date NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"in_person" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp (3) with time zone NOT NULL,
	"last_result" text,
	CONSTRAINT "report_customer_visits_customer_id_owner_id_grain_start_pk" PRIMARY KEY("customer_id","owner_id","grain","start")
);
--> statement-breakpoint
CREATE TABLE "report_feedback_delta" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_feedback_delta_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"day" date NOT NULL,
	"type" text NOT NULL,
	"product_id" uuid NOT NULL,
	"handler_id" uuid NOT NULL,
	"done_month" date,
	"feedback" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"response_seconds" numeric DEFAULT '0' NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"resolution_seconds" numeric DEFAULT '0' NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"done_visits" integer DEFAULT 0 NOT NULL,
	"done_rated" integer DEFAULT 0 NOT NULL,
	"done_rating_sum" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_feedback_handler" (
	"owner_id" uuid NOT NULL,
	"month" date NOT NULL,
	"handler_id" uuid NOT NULL,
	"feedback" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"response_seconds" numeric DEFAULT '0' NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"resolution_seconds" numeric DEFAULT '0' NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_feedback_handler_owner_id_month_handler_id_pk" PRIMARY KEY("owner_id","month","handler_id")
);
--> statement-breakpoint
CREATE TABLE "report_feedback_handler_all" (
	"month" date NOT NULL,
	"handler_id" uuid NOT NULL,
	"feedback" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"response_seconds" numeric DEFAULT '0' NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"resolution_seconds" numeric DEFAULT '0' NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_feedback_handler_all_month_handler_id_pk" PRIMARY KEY("month","handler_id")
);
--> statement-breakpoint
CREATE TABLE "report_feedback_product" (
	"owner_id" uuid NOT NULL,
	"month" date NOT NULL,
	"product_id" uuid NOT NULL,
	"feedback" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"response_seconds" numeric DEFAULT '0' NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"resolution_seconds" numeric DEFAULT '0' NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_feedback_product_owner_id_month_product_id_pk" PRIMARY KEY("owner_id","month","product_id")
);
--> statement-breakpoint
CREATE TABLE "report_feedback_product_all" (
	"month" date NOT NULL,
	"product_id" uuid NOT NULL,
	"feedback" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"response_seconds" numeric DEFAULT '0' NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"resolution_seconds" numeric DEFAULT '0' NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_feedback_product_all_month_product_id_pk" PRIMARY KEY("month","product_id")
);
--> statement-breakpoint
CREATE TABLE "report_feedback_trend" (
	"owner_id" uuid NOT NULL,
	"month" date NOT NULL,
	"done_month" date NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_feedback_trend_owner_id_month_done_month_pk" PRIMARY KEY("owner_id","month","done_month")
);
--> statement-breakpoint
CREATE TABLE "report_feedback_type" (
	"owner_id" uuid NOT NULL,
	"month" date NOT NULL,
	"type" text NOT NULL,
	"feedback" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	"response_seconds" numeric DEFAULT '0' NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"resolution_seconds" numeric DEFAULT '0' NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_feedback_type_owner_id_month_type_pk" PRIMARY KEY("owner_id","month","type")
);
--> statement-breakpoint
CREATE TABLE "report_first_sales" (
	"customer_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"transaction_id" uuid NOT NULL,
	"date" date NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"product_id" uuid NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	CONSTRAINT "report_first_sales_customer_id_owner_id_pk" PRIMARY KEY("customer_id","owner_id")
);
--> statement-breakpoint
CREATE TABLE "report_sales_delta" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_sales_delta_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"day" date NOT NULL,
	"province" text NOT NULL,
	"sales" integer DEFAULT 0 NOT NULL,
	"quantity" numeric DEFAULT '0' NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_sales_owner" (
	"owner_id" uuid NOT NULL,
	"month" date NOT NULL,
	"sales" integer DEFAULT 0 NOT NULL,
	"quantity" numeric DEFAULT '0' NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_sales_owner_owner_id_month_pk" PRIMARY KEY("owner_id","month")
);
--> statement-breakpoint
CREATE TABLE "report_sales_product" (
	"owner_id" uuid NOT NULL,
	"month" date NOT NULL,
	"product_id" uuid NOT NULL,
	"sales" integer DEFAULT 0 NOT NULL,
	"quantity" numeric DEFAULT '0' NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_sales_product_owner_id_month_product_id_pk" PRIMARY KEY("owner_id","month","product_id")
);
--> statement-breakpoint
CREATE TABLE "report_sales_product_all" (
	"month" date NOT NULL,
	"product_id" uuid NOT NULL,
	"sales" integer DEFAULT 0 NOT NULL,
	"quantity" numeric DEFAULT '0' NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_sales_product_all_month_product_id_pk" PRIMARY KEY("month","product_id")
);
--> statement-breakpoint
CREATE TABLE "report_sales_region" (
	"owner_id" uuid NOT NULL,
	"month" date NOT NULL,
	"province" text NOT NULL,
	"sales" integer DEFAULT 0 NOT NULL,
	"quantity" numeric DEFAULT '0' NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_sales_region_owner_id_month_province_pk" PRIMARY KEY("owner_id","month","province")
);
--> statement-breakpoint
CREATE TABLE "report_sales_region_all" (
	"month" date NOT NULL,
	"province" text NOT NULL,
	"sales" integer DEFAULT 0 NOT NULL,
	"quantity" numeric DEFAULT '0' NOT NULL,
	"amount" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "report_sales_region_all_month_province_pk" PRIMARY KEY("month","province")
);
--> statement-breakpoint
CREATE INDEX "report_first_sales_owner_idx" ON "report_first_sales" USING btree ("owner_id");--> statement-breakpoint
-- Report aggregates: how they are kept (see src/schema/reports.ts). Raw-data indexes for the parts
-- of a period that are not whole months or years, and for checking that such a part is empty.
CREATE INDEX IF NOT EXISTS "transactions_live_date_idx" ON "transactions" ("date") INCLUDE ("owner_id", "customer_id", "product_id", "quantity", "amount") WHERE "deleted_at" IS NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contact_records_live_at_idx" ON "contact_records" ("occurred_at") WHERE "deleted_at" IS NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "feedback_live_occurred_idx" ON "feedback" ("occurred_on") WHERE "deleted_at" IS NULL;
--> statement-breakpoint
CREATE INDEX "report_customer_sales_block_idx" ON "report_customer_sales" ("grain", "start", "owner_id") INCLUDE ("customer_id", "sales", "amount", "last_date");
--> statement-breakpoint
CREATE INDEX "report_customer_visits_block_idx" ON "report_customer_visits" ("grain", "start", "owner_id") INCLUDE ("customer_id", "visits", "in_person", "last_at");
--> statement-breakpoint
CREATE INDEX "report_first_sales_customer_idx" ON "report_first_sales" ("customer_id", "date", "created_at") INCLUDE ("owner_id");
--> statement-breakpoint
-- The revenue band of the customer evaluation (reports.service.ts revenueBand).
CREATE OR REPLACE FUNCTION report_revenue_band(revenue numeric) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN revenue IS NULL THEN 'unknown' WHEN revenue < 1000000 THEN 'under_1m'
    WHEN revenue < 10000000 THEN '1m_10m' WHEN revenue < 100000000 THEN '10m_100m' ELSE 'over_100m' END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_shanghai_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT (t AT TIME ZONE 'Asia/Shanghai')::date
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_shanghai_start(d date) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT d::timestamp AT TIME ZONE 'Asia/Shanghai'
$$;
--> statement-breakpoint
-- Per-customer sales of one owner, one grain ('m' month, 'y' year, 'a' all time): recomputed.
CREATE OR REPLACE FUNCTION report_customer_sales_put(c uuid, o uuid, g text, s date, lo date, hi date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE n int; amt numeric; last date;
BEGIN
  SELECT count(*)::int, coalesce(sum(amount), 0), max(date) INTO n, amt, last FROM transactions
    WHERE customer_id = c AND owner_id = o AND deleted_at IS NULL AND date >= lo AND date < hi;
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
-- A customer's sales by an owner around a day, and its first sale by that owner, recomputed. Writers
-- of one customer queue on an advisory lock, so each recomputes after the previous one committed.
CREATE OR REPLACE FUNCTION report_customer_sales_refresh(c uuid, o uuid, d date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE m date := date_trunc('month', d)::date; y date := date_trunc('year', d)::date;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('report_customer:' || c::text, 0));
  PERFORM report_customer_sales_put(c, o, 'm', m, m, (m + interval '1 month')::date);
  PERFORM report_customer_sales_put(c, o, 'y', y, y, (y + interval '1 year')::date);
  PERFORM report_customer_sales_put(c, o, 'a', '1970-01-01', '-infinity', 'infinity');
  DELETE FROM report_first_sales WHERE customer_id = c AND owner_id = o;
  INSERT INTO report_first_sales (customer_id, owner_id, transaction_id, date, created_at, product_id, amount)
    SELECT customer_id, owner_id, id, date, created_at, product_id, amount FROM transactions
    WHERE customer_id = c AND owner_id = o AND deleted_at IS NULL
    ORDER BY date, created_at, id LIMIT 1;
END $$;
--> statement-breakpoint
-- A sale's part of the rollups: a signed delta row (its customer's province, the customer row
-- share-locked so a concurrent change of province waits or is waited for).
CREATE OR REPLACE FUNCTION report_sales_delta_of(t transactions, sgn int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE p text;
BEGIN
  IF t.deleted_at IS NOT NULL THEN RETURN; END IF;
  SELECT province INTO p FROM customers WHERE id = t.customer_id FOR SHARE;
  INSERT INTO report_sales_delta (owner_id, product_id, day, province, sales, quantity, amount)
    VALUES (t.owner_id, t.product_id, t.date, coalesce(p, ''), sgn, sgn * t.quantity, sgn * t.amount);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_transactions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.deleted_at IS NULL) = (NEW.deleted_at IS NULL) AND OLD.owner_id = NEW.owner_id
     AND OLD.customer_id = NEW.customer_id AND OLD.product_id = NEW.product_id AND OLD.date = NEW.date
     AND OLD.quantity = NEW.quantity AND OLD.amount = NEW.amount AND OLD.created_at = NEW.created_at THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM report_sales_delta_of(OLD, -1);
    PERFORM report_customer_sales_refresh(OLD.customer_id, OLD.owner_id, OLD.date);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM report_sales_delta_of(NEW, 1);
    IF TG_OP = 'INSERT' OR OLD.customer_id <> NEW.customer_id OR OLD.owner_id <> NEW.owner_id
       OR date_trunc('month', OLD.date) <> date_trunc('month', NEW.date) THEN
      PERFORM report_customer_sales_refresh(NEW.customer_id, NEW.owner_id, NEW.date);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER transactions_reports_derived AFTER INSERT OR UPDATE OR DELETE ON transactions
  FOR EACH ROW EXECUTE FUNCTION report_transactions_changed();
--> statement-breakpoint
-- Per-customer contact records (visits) of one owner, one grain, recomputed; months in Shanghai time.
CREATE OR REPLACE FUNCTION report_customer_visits_put(c uuid, o uuid, g text, s date, lo timestamptz, hi timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE n int; inp int; last timestamptz; res text;
BEGIN
  SELECT count(*)::int, (count(*) FILTER (WHERE channel IN ('visit', 'meeting')))::int, max(occurred_at),
         (array_agg(result ORDER BY occurred_at DESC))[1]
    INTO n, inp, last, res FROM contact_records
    WHERE customer_id = c AND owner_id = o AND deleted_at IS NULL AND occurred_at >= lo AND occurred_at < hi;
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
CREATE OR REPLACE FUNCTION report_customer_visits_refresh(c uuid, o uuid, at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE d date := report_shanghai_day(at); m date := date_trunc('month', d)::date; y date := date_trunc('year', d)::date;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('report_visits:' || c::text, 0));
  PERFORM report_customer_visits_put(c, o, 'm', m, report_shanghai_start(m), report_shanghai_start((m + interval '1 month')::date));
  PERFORM report_customer_visits_put(c, o, 'y', y, report_shanghai_start(y), report_shanghai_start((y + interval '1 year')::date));
  PERFORM report_customer_visits_put(c, o, 'a', '1970-01-01', '-infinity', 'infinity');
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_contact_records_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.deleted_at IS NULL) = (NEW.deleted_at IS NULL) AND OLD.owner_id = NEW.owner_id
     AND OLD.customer_id = NEW.customer_id AND OLD.occurred_at = NEW.occurred_at AND OLD.channel = NEW.channel
     AND OLD.result IS NOT DISTINCT FROM NEW.result THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM report_customer_visits_refresh(OLD.customer_id, OLD.owner_id, OLD.occurred_at);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.customer_id <> NEW.customer_id OR OLD.owner_id <> NEW.owner_id
     OR date_trunc('month', report_shanghai_day(OLD.occurred_at)) <> date_trunc('month', report_shanghai_day(NEW.occurred_at))) THEN
    PERFORM report_customer_visits_refresh(NEW.customer_id, NEW.owner_id, NEW.occurred_at);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contact_records_reports_derived AFTER INSERT OR UPDATE OR DELETE ON contact_records
  FOR EACH ROW EXECUTE FUNCTION report_contact_records_changed();
--> statement-breakpoint
-- A feedback's part of the satisfaction rollups under an owner (the customer's): the feedback with its
-- rated return visits, and its done return visits by the month they were done in.
CREATE OR REPLACE FUNCTION report_feedback_delta_of(f feedback, o uuid, sgn int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE zero uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  IF f.deleted_at IS NOT NULL THEN RETURN; END IF;
  INSERT INTO report_feedback_delta (owner_id, day, type, product_id, handler_id, feedback, open, responded,
      response_seconds, closed, resolution_seconds, rated, rating_sum)
    SELECT coalesce(o, zero), f.occurred_on, f.type, coalesce(f.product_id, zero), coalesce(f.handler_id, zero), sgn,
      sgn * (f.status <> 'closed')::int, sgn * (f.first_response_at IS NOT NULL)::int,
      sgn * coalesce(extract(epoch FROM f.first_response_at - f.created_at), 0), sgn * (f.closed_at IS NOT NULL)::int,
      sgn * coalesce(extract(epoch FROM f.closed_at - f.created_at), 0),
      sgn * (SELECT count(v.rating) FROM return_visits v WHERE v.feedback_id = f.id),
      sgn * (SELECT coalesce(sum(v.rating), 0) FROM return_visits v WHERE v.feedback_id = f.id);
  INSERT INTO report_feedback_delta (owner_id, day, type, product_id, handler_id, done_month, done_visits, done_rated, done_rating_sum)
    SELECT coalesce(o, zero), f.occurred_on, f.type, coalesce(f.product_id, zero), coalesce(f.handler_id, zero),
      coalesce(date_trunc('month', report_shanghai_day(v.done_at))::date, '1970-01-01'),
      sgn * count(*), sgn * count(v.rating), sgn * coalesce(sum(v.rating), 0)
    FROM return_visits v WHERE v.feedback_id = f.id AND v.status = 'done' GROUP BY 6;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_feedback_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o uuid;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.deleted_at IS NULL) = (NEW.deleted_at IS NULL) AND OLD.customer_id = NEW.customer_id
     AND OLD.occurred_on = NEW.occurred_on AND OLD.type = NEW.type AND OLD.product_id IS NOT DISTINCT FROM NEW.product_id
     AND OLD.handler_id IS NOT DISTINCT FROM NEW.handler_id AND (OLD.status = 'closed') = (NEW.status = 'closed')
     AND OLD.first_response_at IS NOT DISTINCT FROM NEW.first_response_at
     AND OLD.closed_at IS NOT DISTINCT FROM NEW.closed_at AND OLD.created_at = NEW.created_at THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT owner_id INTO o FROM customers WHERE id = OLD.customer_id FOR SHARE;
    PERFORM report_feedback_delta_of(OLD, o, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT owner_id INTO o FROM customers WHERE id = NEW.customer_id FOR SHARE;
    PERFORM report_feedback_delta_of(NEW, o, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER feedback_reports_derived AFTER INSERT OR UPDATE OR DELETE ON feedback
  FOR EACH ROW EXECUTE FUNCTION report_feedback_changed();
--> statement-breakpoint
-- A return visit's part, under its feedback's dimensions (the feedback row share-locked: a concurrent
-- change of the feedback, which moves its visits along, waits or is waited for).
CREATE OR REPLACE FUNCTION report_return_visit_delta_of(v return_visits, sgn int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE zero uuid := '00000000-0000-0000-0000-000000000000'; f feedback; o uuid;
BEGIN
  SELECT * INTO f FROM feedback WHERE id = v.feedback_id FOR SHARE;
  IF NOT FOUND OR f.deleted_at IS NOT NULL THEN RETURN; END IF;
  SELECT owner_id INTO o FROM customers WHERE id = f.customer_id FOR SHARE;
  INSERT INTO report_feedback_delta (owner_id, day, type, product_id, handler_id, done_month, rated, rating_sum,
      done_visits, done_rated, done_rating_sum)
    VALUES (coalesce(o, zero), f.occurred_on, f.type, coalesce(f.product_id, zero), coalesce(f.handler_id, zero),
      CASE WHEN v.status = 'done' THEN coalesce(date_trunc('month', report_shanghai_day(v.done_at))::date, '1970-01-01') END,
      sgn * (v.rating IS NOT NULL)::int, sgn * coalesce(v.rating, 0),
      sgn * (v.status = 'done')::int, sgn * (v.status = 'done' AND v.rating IS NOT NULL)::int,
      sgn * CASE WHEN v.status = 'done' THEN coalesce(v.rating, 0) ELSE 0 END);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_return_visits_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.feedback_id = NEW.feedback_id AND OLD.status = NEW.status
     AND OLD.rating IS NOT DISTINCT FROM NEW.rating AND OLD.done_at IS NOT DISTINCT FROM NEW.done_at THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM report_return_visit_delta_of(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM report_return_visit_delta_of(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER return_visits_reports_derived AFTER INSERT OR UPDATE OR DELETE ON return_visits
  FOR EACH ROW EXECUTE FUNCTION report_return_visits_changed();
--> statement-breakpoint
-- Customers: their counts for the evaluation; a new province moves the customer's sales between
-- regions, a new owner moves its feedback to the new owner's scope.
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
  IF TG_OP = 'UPDATE' AND OLD.province <> NEW.province THEN
    INSERT INTO report_sales_delta (owner_id, product_id, day, province, sales, quantity, amount)
      SELECT owner_id, product_id, date, p.province, p.sgn * count(*), p.sgn * sum(quantity), p.sgn * sum(amount)
      FROM transactions, (VALUES (OLD.province, -1), (NEW.province, 1)) AS p(province, sgn)
      WHERE customer_id = NEW.id AND deleted_at IS NULL GROUP BY owner_id, product_id, date, p.province, p.sgn;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.owner_id IS DISTINCT FROM NEW.owner_id THEN
    FOR f IN SELECT * FROM feedback WHERE customer_id = NEW.id AND deleted_at IS NULL LOOP
      PERFORM report_feedback_delta_of(f, OLD.owner_id, -1);
      PERFORM report_feedback_delta_of(f, NEW.owner_id, 1);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_reports_derived AFTER INSERT OR UPDATE OR DELETE ON customers
  FOR EACH ROW EXECUTE FUNCTION report_customers_changed();
--> statement-breakpoint
-- Moves the appended deltas into the rollups (one compactor at a time; readers add what is still in
-- the delta tables, so a report is exact whether or not this has run).
CREATE OR REPLACE FUNCTION reports_compact() RETURNS void LANGUAGE plpgsql AS $$
DECLARE m bigint;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended('reports_compact', 0)) THEN RETURN; END IF;
  SELECT max(id) INTO m FROM report_sales_delta;
  IF m IS NOT NULL THEN
    WITH d AS (DELETE FROM report_sales_delta WHERE id <= m RETURNING *),
    g AS (SELECT owner_id, product_id, date_trunc('month', day)::date AS month, province,
        sum(sales)::int AS sales, sum(quantity) AS quantity, sum(amount) AS amount FROM d GROUP BY 1, 2, 3, 4),
    a AS (INSERT INTO report_sales_owner AS r SELECT owner_id, month, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY owner_id, month
      ON CONFLICT (owner_id, month) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount),
    b AS (INSERT INTO report_sales_product AS r SELECT owner_id, month, product_id, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY owner_id, month, product_id
      ON CONFLICT (owner_id, month, product_id) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount),
    c AS (INSERT INTO report_sales_region AS r SELECT owner_id, month, province, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY owner_id, month, province
      ON CONFLICT (owner_id, month, province) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount),
    e AS (INSERT INTO report_sales_product_all AS r SELECT month, product_id, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY month, product_id
      ON CONFLICT (month, product_id) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount)
    INSERT INTO report_sales_region_all AS r SELECT month, province, sum(sales), sum(quantity), sum(amount) FROM g GROUP BY month, province
      ON CONFLICT (month, province) DO UPDATE SET sales = r.sales + excluded.sales, quantity = r.quantity + excluded.quantity, amount = r.amount + excluded.amount;
  END IF;
  SELECT max(id) INTO m FROM report_feedback_delta;
  IF m IS NOT NULL THEN
    WITH d AS (DELETE FROM report_feedback_delta WHERE id <= m RETURNING *),
    g AS (SELECT owner_id, date_trunc('month', day)::date AS month, type, product_id, handler_id, done_month,
        sum(feedback)::int AS feedback, sum(open)::int AS open, sum(responded)::int AS responded,
        sum(response_seconds) AS response_seconds, sum(closed)::int AS closed, sum(resolution_seconds) AS resolution_seconds,
        sum(rated)::int AS rated, sum(rating_sum)::int AS rating_sum, sum(done_visits)::int AS done_visits,
        sum(done_rated)::int AS done_rated, sum(done_rating_sum)::int AS done_rating_sum
      FROM d GROUP BY 1, 2, 3, 4, 5, 6),
    a AS (INSERT INTO report_feedback_type AS r SELECT owner_id, month, type, sum(feedback), sum(open), sum(responded), sum(response_seconds), sum(closed), sum(resolution_seconds), sum(rated), sum(rating_sum) FROM g GROUP BY owner_id, month, type
      ON CONFLICT (owner_id, month, type) DO UPDATE SET feedback = r.feedback + excluded.feedback, open = r.open + excluded.open, responded = r.responded + excluded.responded, response_seconds = r.response_seconds + excluded.response_seconds, closed = r.closed + excluded.closed, resolution_seconds = r.resolution_seconds + excluded.resolution_seconds, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum),
    b AS (INSERT INTO report_feedback_product AS r SELECT owner_id, month, product_id, sum(feedback), sum(open), sum(responded), sum(response_seconds), sum(closed), sum(resolution_seconds), sum(rated), sum(rating_sum) FROM g GROUP BY owner_id, month, product_id
      ON CONFLICT (owner_id, month, product_id) DO UPDATE SET feedback = r.feedback + excluded.feedback, open = r.open + excluded.open, responded = r.responded + excluded.responded, response_seconds = r.response_seconds + excluded.response_seconds, closed = r.closed + excluded.closed, resolution_seconds = r.resolution_seconds + excluded.resolution_seconds, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum),
    c AS (INSERT INTO report_feedback_handler AS r SELECT owner_id, month, handler_id, sum(feedback), sum(open), sum(responded), sum(response_seconds), sum(closed), sum(resolution_seconds), sum(rated), sum(rating_sum) FROM g GROUP BY owner_id, month, handler_id
      ON CONFLICT (owner_id, month, handler_id) DO UPDATE SET feedback = r.feedback + excluded.feedback, open = r.open + excluded.open, responded = r.responded + excluded.responded, response_seconds = r.response_seconds + excluded.response_seconds, closed = r.closed + excluded.closed, resolution_seconds = r.resolution_seconds + excluded.resolution_seconds, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum),
    e AS (INSERT INTO report_feedback_product_all AS r SELECT month, product_id, sum(feedback), sum(open), sum(responded), sum(response_seconds), sum(closed), sum(resolution_seconds), sum(rated), sum(rating_sum) FROM g GROUP BY month, product_id
      ON CONFLICT (month, product_id) DO UPDATE SET feedback = r.feedback + excluded.feedback, open = r.open + excluded.open, responded = r.responded + excluded.responded, response_seconds = r.response_seconds + excluded.response_seconds, closed = r.closed + excluded.closed, resolution_seconds = r.resolution_seconds + excluded.resolution_seconds, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum),
    h AS (INSERT INTO report_feedback_handler_all AS r SELECT month, handler_id, sum(feedback), sum(open), sum(responded), sum(response_seconds), sum(closed), sum(resolution_seconds), sum(rated), sum(rating_sum) FROM g GROUP BY month, handler_id
      ON CONFLICT (month, handler_id) DO UPDATE SET feedback = r.feedback + excluded.feedback, open = r.open + excluded.open, responded = r.responded + excluded.responded, response_seconds = r.response_seconds + excluded.response_seconds, closed = r.closed + excluded.closed, resolution_seconds = r.resolution_seconds + excluded.resolution_seconds, rated = r.rated + excluded.rated, rating_sum = r.rating_sum + excluded.rating_sum)
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
-- Recomputes every aggregate from the records (after a bulk load with the *_derived triggers off,
-- and once here for the data that exists).
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
  PERFORM reports_compact();
END $$;
--> statement-breakpoint
-- A database with records gets its aggregates now (a new one has nothing to add up).
SELECT reports_rebuild_aggregates() WHERE EXISTS (SELECT 1 FROM customers);
