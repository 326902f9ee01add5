-- Who acted from where: the request's address (back office, API, portal); null for the CLI and jobs.
ALTER TABLE "audit_events" ADD COLUMN "ipAddress" TEXT;

-- One naming convention for audit events: "<singular noun>.<what happened>" (src/actions/audit/events.ts).
-- Stored history is renamed too, so a search by the new name finds the old events.
UPDATE "audit_events" SET "action" = CASE "action"
    WHEN 'statements.created' THEN 'statement.created'
    WHEN 'schools.gias_imported' THEN 'gias.imported'
    WHEN 'appropriate_bodies.imported' THEN 'appropriate_body.imported'
  END
WHERE "action" IN ('statements.created', 'schools.gias_imported', 'appropriate_bodies.imported');
