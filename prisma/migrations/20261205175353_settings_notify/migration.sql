-- Every committed change to a setting is announced on the channel "settings_changed" (payload: its key),
-- so each app process drops its cached copy at once (src/db/settings-changes.ts), whoever wrote it.
CREATE FUNCTION notify_setting_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('settings_changed', CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END);
  RETURN NULL;
END
$$;

CREATE TRIGGER settings_notify_change
  AFTER INSERT OR UPDATE OR DELETE ON "settings"
  FOR EACH ROW EXECUTE FUNCTION notify_setting_changed();
