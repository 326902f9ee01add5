-- The API's participant updated_at is the latest change to anything the participant's resource shows:
-- the teacher, their profiles, every induction record (transfers, mentor, schedule, training status), the
-- programmes and partnerships those records hang on (delivery partner, challenge), the schools (URN), the
-- providers' state log (withdrawal and deferral reasons) and their declarations. Reading it from all of
-- those for every page cost more than the rest of the page, so triggers keep it here as rows change.
-- It only moves forward: a change can never make a participant look older to a client syncing with
-- filter[updated_since].
CREATE TABLE "participant_updated_at" (
    "teacherId" UUID NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "participant_updated_at_pkey" PRIMARY KEY ("teacherId")
);

CREATE INDEX "participant_updated_at_updatedAt_teacherId_idx" ON "participant_updated_at"("updatedAt", "teacherId");

INSERT INTO "participant_updated_at" ("teacherId", "updatedAt")
SELECT "teacherId", max(at) FROM (
  SELECT t.id AS "teacherId", t."updatedAt" AS at FROM teachers t
  UNION ALL SELECT p."teacherId", p."updatedAt" FROM participant_profiles p
  UNION ALL SELECT p."teacherId", ir."updatedAt" FROM induction_records ir JOIN participant_profiles p ON p.id = ir."participantProfileId"
  UNION ALL SELECT p."teacherId", ip."updatedAt" FROM induction_records ir JOIN participant_profiles p ON p.id = ir."participantProfileId"
    JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
  UNION ALL SELECT p."teacherId", pa."updatedAt" FROM induction_records ir JOIN participant_profiles p ON p.id = ir."participantProfileId"
    JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId" JOIN partnerships pa ON pa.id = ip."partnershipId"
  UNION ALL SELECT p."teacherId", s."updatedAt" FROM induction_records ir JOIN participant_profiles p ON p.id = ir."participantProfileId"
    JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId" JOIN school_cohorts sc ON sc.id = ip."schoolCohortId"
    JOIN schools s ON s.id = sc."schoolId"
  UNION ALL SELECT p."teacherId", st."createdAt" FROM participant_profile_states st JOIN participant_profiles p ON p.id = st."participantProfileId"
  UNION ALL SELECT d."teacherId", d."updatedAt" FROM declarations d
) changes
GROUP BY "teacherId";

-- Locks teachers' rows in id order, so two writers touching the same teachers cannot deadlock here.
CREATE FUNCTION note_participants_updated(teacher_ids uuid[], ats timestamp(3)[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "participant_updated_at" ("teacherId", "updatedAt")
  SELECT c.teacher_id, max(c.at) FROM unnest(teacher_ids, ats) AS c(teacher_id, at)
  WHERE c.teacher_id IS NOT NULL AND c.at IS NOT NULL
  GROUP BY c.teacher_id ORDER BY c.teacher_id
  ON CONFLICT ("teacherId") DO UPDATE SET "updatedAt" = GREATEST("participant_updated_at"."updatedAt", EXCLUDED."updatedAt");
$$;

-- Set-based, once per statement: which participants the changed rows belong to, and when they changed.
CREATE FUNCTION participant_sources_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  ats timestamp(3)[];
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'teachers' THEN
      SELECT array_agg(n.id), array_agg(n."updatedAt") INTO ids, ats FROM new_rows n;
    WHEN 'participant_profiles' THEN
      SELECT array_agg(n."teacherId"), array_agg(n."updatedAt") INTO ids, ats FROM new_rows n;
    WHEN 'induction_records' THEN
      SELECT array_agg(p."teacherId"), array_agg(n."updatedAt") INTO ids, ats
      FROM new_rows n JOIN participant_profiles p ON p.id = n."participantProfileId";
    WHEN 'induction_programmes' THEN
      SELECT array_agg(p."teacherId"), array_agg(n."updatedAt") INTO ids, ats
      FROM new_rows n JOIN induction_records ir ON ir."inductionProgrammeId" = n.id
      JOIN participant_profiles p ON p.id = ir."participantProfileId";
    WHEN 'partnerships' THEN
      SELECT array_agg(p."teacherId"), array_agg(n."updatedAt") INTO ids, ats
      FROM new_rows n JOIN induction_programmes ip ON ip."partnershipId" = n.id
      JOIN induction_records ir ON ir."inductionProgrammeId" = ip.id
      JOIN participant_profiles p ON p.id = ir."participantProfileId";
    WHEN 'schools' THEN
      SELECT array_agg(p."teacherId"), array_agg(n."updatedAt") INTO ids, ats
      FROM new_rows n JOIN school_cohorts sc ON sc."schoolId" = n.id
      JOIN induction_programmes ip ON ip."schoolCohortId" = sc.id
      JOIN induction_records ir ON ir."inductionProgrammeId" = ip.id
      JOIN participant_profiles p ON p.id = ir."participantProfileId";
    WHEN 'participant_profile_states' THEN
      SELECT array_agg(p."teacherId"), array_agg(n."createdAt") INTO ids, ats
      FROM new_rows n JOIN participant_profiles p ON p.id = n."participantProfileId";
    WHEN 'declarations' THEN
      SELECT array_agg(n."teacherId"), array_agg(n."updatedAt") INTO ids, ats FROM new_rows n;
  END CASE;
  PERFORM note_participants_updated(ids, ats);
  RETURN NULL;
END;
$$;

CREATE TRIGGER teachers_inserted_participant_updated_at AFTER INSERT ON teachers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
CREATE TRIGGER teachers_updated_participant_updated_at AFTER UPDATE ON teachers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
CREATE TRIGGER participant_profiles_inserted_participant_updated_at AFTER INSERT ON participant_profiles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
CREATE TRIGGER participant_profiles_updated_participant_updated_at AFTER UPDATE ON participant_profiles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
CREATE TRIGGER induction_records_inserted_participant_updated_at AFTER INSERT ON induction_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
CREATE TRIGGER induction_records_updated_participant_updated_at AFTER UPDATE ON induction_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
CREATE TRIGGER induction_programmes_updated_participant_updated_at AFTER UPDATE ON induction_programmes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
CREATE TRIGGER partnerships_updated_participant_updated_at AFTER UPDATE ON partnerships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
CREATE TRIGGER schools_updated_participant_updated_at AFTER UPDATE ON schools
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
CREATE TRIGGER participant_profile_states_inserted_participant_updated_at AFTER INSERT ON participant_profile_states
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
CREATE TRIGGER declarations_inserted_participant_updated_at AFTER INSERT ON declarations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
CREATE TRIGGER declarations_updated_participant_updated_at AFTER UPDATE ON declarations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
