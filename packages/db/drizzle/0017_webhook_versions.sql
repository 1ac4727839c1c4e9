ALTER TABLE "webhook_subscriptions" ADD COLUMN "deleted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;