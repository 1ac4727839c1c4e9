CREATE TABLE "access_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "access_state" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION access_state_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE access_state SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Logins (last_login_at) and profile edits do not touch access; these columns do.
CREATE TRIGGER users_access_update AFTER UPDATE OF department_id, disabled, token_epoch, must_change_password, username, display_name ON users
  FOR EACH STATEMENT EXECUTE FUNCTION access_state_bump();
--> statement-breakpoint
CREATE TRIGGER users_access_insert_delete AFTER INSERT OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION access_state_bump();
--> statement-breakpoint
CREATE TRIGGER roles_access AFTER INSERT OR UPDATE OR DELETE ON roles
  FOR EACH STATEMENT EXECUTE FUNCTION access_state_bump();
--> statement-breakpoint
CREATE TRIGGER user_roles_access AFTER INSERT OR UPDATE OR DELETE ON user_roles
  FOR EACH STATEMENT EXECUTE FUNCTION access_state_bump();
--> statement-breakpoint
CREATE TRIGGER departments_access AFTER INSERT OR UPDATE OR DELETE ON departments
  FOR EACH STATEMENT EXECUTE FUNCTION access_state_bump();
