-- A GIN index's pending list (fastupdate) takes new entries unsorted, up to gin_pending_list_limit
-- (4 MB by default), and every lookup reads all of it. At 1,000,000 customers, a few thousand
-- creates since the last vacuum left 344 pending pages in customers_ascii_trgm: a pinyin-initials
-- search (hzhd) spent 1.6 ms of its 3.4 ms reading them, 0.35 ms once they were merged. Kept short,
-- as contacts_tokens_gin is (0022): a write that fills it merges it then, a small step each time.
ALTER INDEX IF EXISTS "customers_ascii_trgm" SET (gin_pending_list_limit = 256);
--> statement-breakpoint
ALTER INDEX IF EXISTS "customers_tokens_gin" SET (gin_pending_list_limit = 256);
--> statement-breakpoint
ALTER INDEX IF EXISTS "customers_custom_fields_gin" SET (gin_pending_list_limit = 256);
