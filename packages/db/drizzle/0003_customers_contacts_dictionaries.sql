CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"department" text,
	"mobile" text,
	"phone" text,
	"email" text,
	"wechat" text,
	"birthday" date,
	"notes" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"search_tokens" text[] NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_ids" uuid[] NOT NULL,
	"survivor_before" jsonb NOT NULL,
	"survivor_version_after" integer NOT NULL,
	"moved" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp (3) with time zone,
	"undone_by" uuid
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"class" text NOT NULL,
	"province" text NOT NULL,
	"city" text NOT NULL,
	"area_code" text,
	"postcode" text,
	"address" text,
	"phone" text,
	"fax" text,
	"email" text,
	"homepage" text,
	"annual_revenue" numeric(16, 2),
	"employee_count" integer,
	"industry" text,
	"source" text,
	"status" text,
	"credit_rating" text,
	"credit_code" text,
	"owner_id" uuid,
	"last_contact_at" timestamp (3) with time zone,
	"merged_into_id" uuid,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"letter" text NOT NULL,
	"pinyin" text NOT NULL,
	"initials" text NOT NULL,
	"name_search" text NOT NULL,
	"search_tokens" text[] NOT NULL,
	"search_ascii" text NOT NULL,
	"name_key" text NOT NULL,
	"phone_key" text,
	"homepage_key" text,
	"deleted_at" timestamp (3) with time zone,
	"deleted_by" uuid,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dictionary_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"label_en" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_merges" ADD CONSTRAINT "customer_merges_survivor_id_customers_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_merged_into_id_customers_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_customer_idx" ON "contacts" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_one_primary_uq" ON "contacts" USING btree ("customer_id") WHERE is_primary and deleted_at is null;--> statement-breakpoint
CREATE INDEX "contacts_tokens_gin" ON "contacts" USING gin ("search_tokens") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customer_merges_survivor_idx" ON "customer_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_code_uq" ON "customers" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_credit_code_uq" ON "customers" USING btree ("credit_code") WHERE credit_code is not null and deleted_at is null and merged_into_id is null;--> statement-breakpoint
CREATE INDEX "customers_owner_idx" ON "customers" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "customers_created_idx" ON "customers" USING btree ("created_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_updated_idx" ON "customers" USING btree ("updated_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_pinyin_idx" ON "customers" USING btree ("pinyin","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_letter_idx" ON "customers" USING btree ("letter","pinyin","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_initials_prefix_idx" ON "customers" USING btree ("initials" text_pattern_ops) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_pinyin_prefix_idx" ON "customers" USING btree ("pinyin" text_pattern_ops) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_tokens_gin" ON "customers" USING gin ("search_tokens") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_ascii_trgm" ON "customers" USING gin ("search_ascii" gin_trgm_ops) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_name_key_idx" ON "customers" USING btree ("name_key") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_phone_key_idx" ON "customers" USING btree ("phone_key") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_email_idx" ON "customers" USING btree (lower("email")) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_homepage_key_idx" ON "customers" USING btree ("homepage_key") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customers_deleted_idx" ON "customers" USING btree ("deleted_at") WHERE deleted_at is not null;--> statement-breakpoint
CREATE INDEX "customers_merged_into_idx" ON "customers" USING btree ("merged_into_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dictionary_items_type_code_uq" ON "dictionary_items" USING btree ("type","code");