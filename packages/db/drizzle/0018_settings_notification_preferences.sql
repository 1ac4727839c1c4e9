CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"in_app" boolean NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_settings" ADD CONSTRAINT "app_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A notification of a kind its user turned off is never stored, whoever inserts it (the services'
-- notify(), the periodic sweep, anything added later): one place decides.
CREATE OR REPLACE FUNCTION notifications_respect_preferences() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM notification_preferences p
             WHERE p.user_id = NEW.user_id AND p.kind = NEW.kind AND NOT p.in_app) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER notifications_respect_preferences BEFORE INSERT ON notifications
  FOR EACH ROW EXECUTE FUNCTION notifications_respect_preferences();
--> statement-breakpoint
-- settings:manage is new: roles that already manage roles (administrators, who could grant it to
-- themselves anyway) get it, so an existing company's administrator can open 系统设置.
UPDATE roles SET permissions = array_append(permissions, 'settings:manage')
  WHERE 'role:manage' = ANY(permissions) AND NOT ('settings:manage' = ANY(permissions));
