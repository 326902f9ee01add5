-- The read models: tables derived from other tables and kept current by the triggers below, so the lead
-- provider API and the statements stay fast at national scale. This file is their one current definition
-- (docs/read-models.md explains each one and what a writer must do).
--
-- src/db/read-models.ts applies it after the migrations, whenever its checksum differs from the one
-- recorded in "_read_models", in one transaction under the migrations' advisory lock, and then calls
-- rebuild_read_models() so the stored rows follow the new definition. So everything here must be safe to run
-- again: CREATE OR REPLACE FUNCTION, DROP TRIGGER IF EXISTS before each CREATE TRIGGER. Tables and columns
-- still come from migrations (a migration adds a column, this file fills it). To change a function's
-- arguments or result type, DROP FUNCTION IF EXISTS it first; to retire a trigger, write its
-- DROP TRIGGER IF EXISTS here (test/db/read-models.test.ts fails on a trigger the file does not create).
--
-- The rules shared with the TypeScript code are spelt exactly as src/rules writes them, and
-- test/db/read-models.test.ts checks they agree:
--   the latest induction record (src/rules/latest-induction-record.ts):
--     (ir."endDate" IS NULL) DESC, ir."startDate" DESC, ir."endDate" DESC, ir."createdAt" DESC, ir.id DESC
--   an unchallenged partnership (src/rules/unchallenged-partnership.ts):
--     pa."challengedAt" IS NULL AND pa."challengeReason" IS NULL


-- =========================================================================================================
-- lead_provider_participants: for each lead provider and participant profile, the induction record that
-- provider sees (its latest, in one of its partnerships the school has not challenged) and the API's
-- ecf_enrolment for it, as JSON text with the closing brace left off (the reader appends participant_status,
-- which depends on the time of reading).
-- =========================================================================================================

-- The rows of the given profiles, computed from the base tables. The refresh writes these; the rebuild
-- check (src/db/read-models.ts) compares every stored row with them. STABLE SQL, so the planner inlines it.
CREATE OR REPLACE FUNCTION lead_provider_participants_of(profile_ids uuid[])
RETURNS TABLE (
  "leadProviderId" uuid, "participantProfileId" uuid, "teacherId" uuid, "teacherCreatedAt" timestamp(3),
  "inductionRecordId" uuid, "cohortStartYear" integer, "trainingStatus" "TrainingStatus", "enrolment" text,
  "profileCreatedAt" timestamp(3), "startDate" timestamp(3), "endDate" timestamp(3), "inductionStatus" "InductionStatus"
)
LANGUAGE sql STABLE AS $$
  SELECT v."leadProviderId", v."participantProfileId", p."teacherId", t."createdAt", v."inductionRecordId", v."cohortStartYear", v."trainingStatus",
    -- row_to_json writes no spaces: a page is a hundred of these.
    left(row_to_json(e)::text, -1),
    p."createdAt", v."startDate", v."endDate", v."inductionStatus"
  FROM (
    -- Each provider's latest record per profile, with what the enrolment shows of it.
    SELECT DISTINCT ON (pa."leadProviderId", ir."participantProfileId")
      pa."leadProviderId", pa."deliveryPartnerId", ir."participantProfileId", ir.id AS "inductionRecordId", ir."trainingStatus",
      ir."startDate", ir."endDate", ir."inductionStatus", ir."preferredEmail", ir."mentorProfileId", ip."schoolCohortId",
      sch."scheduleIdentifier", c."startYear" AS "cohortStartYear"
    FROM induction_records ir
    JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
    JOIN partnerships pa ON pa.id = ip."partnershipId"
    JOIN schedules sch ON sch.id = ir."scheduleId"
    JOIN cohorts c ON c.id = sch."cohortId"
    WHERE ir."participantProfileId" IN (SELECT unnest(profile_ids))
      AND pa."challengedAt" IS NULL AND pa."challengeReason" IS NULL
    ORDER BY pa."leadProviderId", ir."participantProfileId",
      (ir."endDate" IS NULL) DESC, ir."startDate" DESC, ir."endDate" DESC, ir."createdAt" DESC, ir.id DESC
  ) v
  JOIN lead_providers lp ON lp.id = v."leadProviderId"
  JOIN participant_profiles p ON p.id = v."participantProfileId"
  JOIN teachers t ON t.id = p."teacherId"
  JOIN school_cohorts sc ON sc.id = v."schoolCohortId"
  JOIN schools s ON s.id = sc."schoolId"
  JOIN cohorts c ON c.id = sc."cohortId"
  LEFT JOIN participant_profiles mp ON mp.id = v."mentorProfileId" AND p.type = 'ect'
  LEFT JOIN LATERAL (
    SELECT st.reason, st."createdAt" FROM participant_profile_states st
    WHERE st."participantProfileId" = p.id AND st."cpdLeadProviderId" = lp."cpdLeadProviderId" AND st.state = v."trainingStatus"
    ORDER BY st."createdAt" DESC LIMIT 1
  ) st ON v."trainingStatus" <> 'active'
  CROSS JOIN LATERAL (SELECT
      p.id AS training_record_id,
      coalesce(v."preferredEmail", t.email) AS email,
      mp."teacherId" AS mentor_id,
      s.urn AS school_urn,
      p.type AS participant_type,
      c."startYear"::text AS cohort,
      v."trainingStatus" AS training_status,
      -- Unknown (null) while the teacher has no TRN.
      CASE WHEN nullif(t.trn, '') IS NOT NULL THEN p."trnValidationState" = 'valid' END AS teacher_reference_number_validated,
      CASE p."eligibilityStatus" WHEN 'eligible' THEN true WHEN 'ineligible' THEN false END AS eligible_for_funding,
      p."pupilPremiumUplift" AS pupil_premium_uplift,
      p."sparsityUplift" AS sparsity_uplift,
      v."scheduleIdentifier" AS schedule_identifier,
      v."deliveryPartnerId" AS delivery_partner_id,
      -- The provider's reason and date for the current withdrawal or deferral. A withdrawal reason is kept
      -- as stored: whether a pre-2025 name is shown under its 2025 one is a setting the reader applies.
      -- Times to the whole second, as the DfE's serializer writes them (`.rfc3339`).
      CASE WHEN v."trainingStatus" = 'withdrawn' AND st.reason IS NOT NULL THEN (SELECT row_to_json(w) FROM (SELECT
        st.reason AS reason, to_char(st."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS date) w) END AS withdrawal,
      CASE WHEN v."trainingStatus" = 'deferred' AND st.reason IS NOT NULL THEN (SELECT row_to_json(d) FROM (SELECT
        st.reason AS reason, to_char(st."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS date) d) END AS deferral,
      to_char(p."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
      to_char(p."inductionCompletionDate", 'YYYY-MM-DD') AS induction_end_date,
      to_char(p."mentorCompletionDate", 'YYYY-MM-DD') AS mentor_funding_end_date,
      p."cohortChangedAfterPaymentsFrozen" AS cohort_changed_after_payments_frozen,
      CASE WHEN p.type = 'mentor' THEN p."mentorCompletionReason" END AS mentor_ineligible_for_funding_reason
  ) e;
$$;

-- Replaces the stored rows of the given profiles. Every trigger below ends here, in the writer's transaction.
CREATE OR REPLACE FUNCTION refresh_lead_provider_participants(profile_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF profile_ids IS NULL OR cardinality(profile_ids) = 0 THEN
    RETURN;
  END IF;
  -- Lock the partnerships and programmes involved, then the profiles (always in that order, so two
  -- refreshes cannot deadlock), and only then read: under READ COMMITTED each statement below sees
  -- what concurrent writers committed while we waited, so no stale row survives them.
  PERFORM 1 FROM induction_records ir
    JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
    JOIN partnerships pa ON pa.id = ip."partnershipId"
    WHERE ir."participantProfileId" IN (SELECT unnest(profile_ids))
    FOR SHARE OF ip, pa;
  PERFORM 1 FROM participant_profiles p WHERE p.id IN (SELECT unnest(profile_ids)) ORDER BY p.id FOR NO KEY UPDATE;

  -- Delete and insert (never update): "writtenBy" takes the writing transaction's id by default, which is
  -- how src/api/resources/participant-order.ts knows a kept order is stale.
  DELETE FROM lead_provider_participants v WHERE v."participantProfileId" IN (SELECT unnest(profile_ids));
  INSERT INTO lead_provider_participants
    ("leadProviderId", "participantProfileId", "teacherId", "teacherCreatedAt", "inductionRecordId", "cohortStartYear", "trainingStatus",
     "enrolment", "profileCreatedAt", "startDate", "endDate", "inductionStatus")
  SELECT * FROM lead_provider_participants_of(profile_ids);
END;
$$;

-- Induction records: set-based, once per statement, so bulk loads stay fast.
CREATE OR REPLACE FUNCTION induction_records_refresh_lead_provider_participants() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_lead_provider_participants(ARRAY(SELECT DISTINCT "participantProfileId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_lead_provider_participants(ARRAY(SELECT DISTINCT "participantProfileId" FROM old_rows));
  ELSE
    PERFORM refresh_lead_provider_participants(ARRAY(
      SELECT "participantProfileId" FROM new_rows UNION SELECT "participantProfileId" FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS induction_records_inserted ON induction_records;
CREATE TRIGGER induction_records_inserted AFTER INSERT ON induction_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION induction_records_refresh_lead_provider_participants();
DROP TRIGGER IF EXISTS induction_records_updated ON induction_records;
CREATE TRIGGER induction_records_updated AFTER UPDATE ON induction_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION induction_records_refresh_lead_provider_participants();
DROP TRIGGER IF EXISTS induction_records_deleted ON induction_records;
CREATE TRIGGER induction_records_deleted AFTER DELETE ON induction_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION induction_records_refresh_lead_provider_participants();

-- The rows records hang on: rare changes, refreshed per row, and only when a column the enrolment shows (or
-- the choice of record depends on) changed: each trigger's WHEN clause lists them.
CREATE OR REPLACE FUNCTION refresh_lead_provider_participants_of_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  profile_ids uuid[];
BEGIN
  profile_ids := CASE TG_TABLE_NAME
      WHEN 'partnerships' THEN (SELECT array_agg(DISTINCT ir."participantProfileId") FROM induction_programmes ip
        JOIN induction_records ir ON ir."inductionProgrammeId" = ip.id WHERE ip."partnershipId" = NEW.id)
      WHEN 'induction_programmes' THEN (SELECT array_agg(DISTINCT ir."participantProfileId") FROM induction_records ir
        WHERE ir."inductionProgrammeId" = NEW.id)
      WHEN 'schedules' THEN (SELECT array_agg(DISTINCT ir."participantProfileId") FROM induction_records ir WHERE ir."scheduleId" = NEW.id)
      WHEN 'cohorts' THEN (SELECT array_agg(DISTINCT ir."participantProfileId") FROM induction_records ir
        JOIN schedules sch ON sch.id = ir."scheduleId" WHERE sch."cohortId" = NEW.id)
      WHEN 'teachers' THEN (SELECT array_agg(p.id) FROM participant_profiles p WHERE p."teacherId" = NEW.id)
      WHEN 'schools' THEN (SELECT array_agg(DISTINCT ir."participantProfileId") FROM school_cohorts sc
        JOIN induction_programmes ip ON ip."schoolCohortId" = sc.id
        JOIN induction_records ir ON ir."inductionProgrammeId" = ip.id WHERE sc."schoolId" = NEW.id)
      WHEN 'school_cohorts' THEN (SELECT array_agg(DISTINCT ir."participantProfileId") FROM induction_programmes ip
        JOIN induction_records ir ON ir."inductionProgrammeId" = ip.id WHERE ip."schoolCohortId" = NEW.id)
      -- The provider's API identity picks which state rows give the withdrawal and deferral reasons.
      WHEN 'lead_providers' THEN (SELECT array_agg(DISTINCT ir."participantProfileId") FROM partnerships pa
        JOIN induction_programmes ip ON ip."partnershipId" = pa.id
        JOIN induction_records ir ON ir."inductionProgrammeId" = ip.id WHERE pa."leadProviderId" = NEW.id)
    END;
  PERFORM refresh_lead_provider_participants(profile_ids);
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS partnerships_refresh_lead_provider_participants ON partnerships;
CREATE TRIGGER partnerships_refresh_lead_provider_participants AFTER UPDATE ON partnerships FOR EACH ROW
  WHEN (OLD."leadProviderId" IS DISTINCT FROM NEW."leadProviderId" OR OLD."challengedAt" IS DISTINCT FROM NEW."challengedAt"
    OR OLD."challengeReason" IS DISTINCT FROM NEW."challengeReason" OR OLD."deliveryPartnerId" IS DISTINCT FROM NEW."deliveryPartnerId")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
DROP TRIGGER IF EXISTS induction_programmes_refresh_lead_provider_participants ON induction_programmes;
CREATE TRIGGER induction_programmes_refresh_lead_provider_participants AFTER UPDATE ON induction_programmes FOR EACH ROW
  WHEN (OLD."partnershipId" IS DISTINCT FROM NEW."partnershipId" OR OLD."schoolCohortId" IS DISTINCT FROM NEW."schoolCohortId")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
DROP TRIGGER IF EXISTS schedules_refresh_lead_provider_participants ON schedules;
CREATE TRIGGER schedules_refresh_lead_provider_participants AFTER UPDATE ON schedules FOR EACH ROW
  WHEN (OLD."cohortId" IS DISTINCT FROM NEW."cohortId" OR OLD."scheduleIdentifier" IS DISTINCT FROM NEW."scheduleIdentifier")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
DROP TRIGGER IF EXISTS cohorts_refresh_lead_provider_participants ON cohorts;
CREATE TRIGGER cohorts_refresh_lead_provider_participants AFTER UPDATE ON cohorts FOR EACH ROW
  WHEN (OLD."startYear" IS DISTINCT FROM NEW."startYear")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
DROP TRIGGER IF EXISTS teachers_refresh_lead_provider_participants ON teachers;
CREATE TRIGGER teachers_refresh_lead_provider_participants AFTER UPDATE ON teachers FOR EACH ROW
  WHEN (OLD."createdAt" IS DISTINCT FROM NEW."createdAt" OR OLD.email IS DISTINCT FROM NEW.email OR OLD.trn IS DISTINCT FROM NEW.trn)
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
DROP TRIGGER IF EXISTS schools_refresh_lead_provider_participants ON schools;
CREATE TRIGGER schools_refresh_lead_provider_participants AFTER UPDATE ON schools FOR EACH ROW
  WHEN (OLD.urn IS DISTINCT FROM NEW.urn)
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
DROP TRIGGER IF EXISTS school_cohorts_refresh_lead_provider_participants ON school_cohorts;
CREATE TRIGGER school_cohorts_refresh_lead_provider_participants AFTER UPDATE ON school_cohorts FOR EACH ROW
  WHEN (OLD."schoolId" IS DISTINCT FROM NEW."schoolId" OR OLD."cohortId" IS DISTINCT FROM NEW."cohortId")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
DROP TRIGGER IF EXISTS lead_providers_refresh_lead_provider_participants ON lead_providers;
CREATE TRIGGER lead_providers_refresh_lead_provider_participants AFTER UPDATE ON lead_providers FOR EACH ROW
  WHEN (OLD."cpdLeadProviderId" IS DISTINCT FROM NEW."cpdLeadProviderId")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();

-- Profiles change in bulk (eligibility, uplifts), so once per statement: those whose shown columns
-- changed, and the mentees of a mentor profile that moved to another teacher (their mentor_id).
CREATE OR REPLACE FUNCTION participant_profiles_refresh_lead_provider_participants() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_lead_provider_participants(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n."teacherId", n.type, n."createdAt", n."pupilPremiumUplift", n."sparsityUplift", n."eligibilityStatus", n."trnValidationState",
           n."inductionCompletionDate", n."mentorCompletionDate", n."mentorCompletionReason", n."cohortChangedAfterPaymentsFrozen")
      IS DISTINCT FROM (o."teacherId", o.type, o."createdAt", o."pupilPremiumUplift", o."sparsityUplift", o."eligibilityStatus", o."trnValidationState",
           o."inductionCompletionDate", o."mentorCompletionDate", o."mentorCompletionReason", o."cohortChangedAfterPaymentsFrozen")
    UNION
    SELECT ir."participantProfileId" FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN induction_records ir ON ir."mentorProfileId" = n.id
    WHERE n."teacherId" IS DISTINCT FROM o."teacherId"));
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS participant_profiles_refresh_lead_provider_participants ON participant_profiles;
CREATE TRIGGER participant_profiles_refresh_lead_provider_participants AFTER UPDATE ON participant_profiles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION participant_profiles_refresh_lead_provider_participants();

-- A provider's withdrawal or deferral reason: a new state row, and a row corrected or removed by hand.
CREATE OR REPLACE FUNCTION participant_profile_states_refresh_lead_provider_participants() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_lead_provider_participants(ARRAY(SELECT DISTINCT "participantProfileId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_lead_provider_participants(ARRAY(SELECT DISTINCT "participantProfileId" FROM old_rows));
  ELSE
    PERFORM refresh_lead_provider_participants(ARRAY(
      SELECT "participantProfileId" FROM new_rows UNION SELECT "participantProfileId" FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS participant_profile_states_refresh_lead_provider_participants ON participant_profile_states;
CREATE TRIGGER participant_profile_states_refresh_lead_provider_participants AFTER INSERT ON participant_profile_states
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION participant_profile_states_refresh_lead_provider_participants();
DROP TRIGGER IF EXISTS participant_profile_states_updated ON participant_profile_states;
CREATE TRIGGER participant_profile_states_updated AFTER UPDATE ON participant_profile_states
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION participant_profile_states_refresh_lead_provider_participants();
DROP TRIGGER IF EXISTS participant_profile_states_deleted ON participant_profile_states;
CREATE TRIGGER participant_profile_states_deleted AFTER DELETE ON participant_profile_states
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION participant_profile_states_refresh_lead_provider_participants();


-- =========================================================================================================
-- participant_updated_at: the API's updated_at per teacher, the latest change to anything the participant's
-- resource shows: the teacher, their profiles, every induction record (transfers, mentor, schedule, training
-- status), the programmes and partnerships those records hang on (delivery partner, challenge), the schools
-- (URN), the providers' state log (withdrawal and deferral reasons) and their declarations. It only moves
-- forward: a change never makes a participant look older to a client syncing with filter[updated_since].
-- =========================================================================================================

-- Every teacher's latest change, computed from the base tables (the rebuild and its check).
CREATE OR REPLACE FUNCTION participant_updated_at_from_sources()
RETURNS TABLE ("teacherId" uuid, "updatedAt" timestamp(3))
LANGUAGE sql STABLE AS $$
  SELECT c.teacher_id, max(c.at) FROM (
    SELECT t.id AS teacher_id, t."updatedAt" AS at FROM teachers t
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
  ) c
  GROUP BY c.teacher_id;
$$;

-- Moves the given teachers' rows forward. Locks them in id order, so two writers touching the same
-- teachers cannot deadlock here.
CREATE OR REPLACE FUNCTION note_participants_updated(teacher_ids uuid[], ats timestamp(3)[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "participant_updated_at" ("teacherId", "updatedAt")
  SELECT c.teacher_id, max(c.at) FROM unnest(teacher_ids, ats) AS c(teacher_id, at)
  WHERE c.teacher_id IS NOT NULL AND c.at IS NOT NULL
  GROUP BY c.teacher_id ORDER BY c.teacher_id
  ON CONFLICT ("teacherId") DO UPDATE SET "updatedAt" = GREATEST("participant_updated_at"."updatedAt", EXCLUDED."updatedAt");
$$;

-- Set-based, once per statement: which participants the changed rows belong to, and when they changed.
-- The time is the row's own "updatedAt" (a raw SQL writer must set it: docs/read-models.md).
CREATE OR REPLACE FUNCTION participant_sources_changed() RETURNS trigger
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
    -- A school cohort moved to another school: its participants now show that school, so its time counts
    -- (the school cohort's own time is not a source: its programme choice is not on the resource).
    WHEN 'school_cohorts' THEN
      SELECT array_agg(p."teacherId"), array_agg(s."updatedAt") INTO ids, ats
      FROM new_rows n JOIN schools s ON s.id = n."schoolId"
      JOIN induction_programmes ip ON ip."schoolCohortId" = n.id
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

DROP TRIGGER IF EXISTS teachers_inserted_participant_updated_at ON teachers;
CREATE TRIGGER teachers_inserted_participant_updated_at AFTER INSERT ON teachers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS teachers_updated_participant_updated_at ON teachers;
CREATE TRIGGER teachers_updated_participant_updated_at AFTER UPDATE ON teachers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS participant_profiles_inserted_participant_updated_at ON participant_profiles;
CREATE TRIGGER participant_profiles_inserted_participant_updated_at AFTER INSERT ON participant_profiles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS participant_profiles_updated_participant_updated_at ON participant_profiles;
CREATE TRIGGER participant_profiles_updated_participant_updated_at AFTER UPDATE ON participant_profiles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS induction_records_inserted_participant_updated_at ON induction_records;
CREATE TRIGGER induction_records_inserted_participant_updated_at AFTER INSERT ON induction_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS induction_records_updated_participant_updated_at ON induction_records;
CREATE TRIGGER induction_records_updated_participant_updated_at AFTER UPDATE ON induction_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS induction_programmes_updated_participant_updated_at ON induction_programmes;
CREATE TRIGGER induction_programmes_updated_participant_updated_at AFTER UPDATE ON induction_programmes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS partnerships_updated_participant_updated_at ON partnerships;
CREATE TRIGGER partnerships_updated_participant_updated_at AFTER UPDATE ON partnerships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS schools_updated_participant_updated_at ON schools;
CREATE TRIGGER schools_updated_participant_updated_at AFTER UPDATE ON schools
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS participant_profile_states_inserted_participant_updated_at ON participant_profile_states;
CREATE TRIGGER participant_profile_states_inserted_participant_updated_at AFTER INSERT ON participant_profile_states
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS participant_profile_states_updated_participant_updated_at ON participant_profile_states;
CREATE TRIGGER participant_profile_states_updated_participant_updated_at AFTER UPDATE ON participant_profile_states
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS school_cohorts_updated_participant_updated_at ON school_cohorts;
CREATE TRIGGER school_cohorts_updated_participant_updated_at AFTER UPDATE ON school_cohorts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS declarations_inserted_participant_updated_at ON declarations;
CREATE TRIGGER declarations_inserted_participant_updated_at AFTER INSERT ON declarations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();
DROP TRIGGER IF EXISTS declarations_updated_participant_updated_at ON declarations;
CREATE TRIGGER declarations_updated_participant_updated_at AFTER UPDATE ON declarations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_sources_changed();


-- =========================================================================================================
-- statement_line_items' copies of their declaration's participant type, declaration type, uplift and state:
-- a statement is counted from its line items alone (src/reports/statements/statement-inputs.ts).
-- =========================================================================================================

-- Every line item's copied columns, computed from its declaration (the rebuild and its check).
CREATE OR REPLACE FUNCTION statement_line_item_copies_from_declarations()
RETURNS TABLE (id uuid, "participantType" "ParticipantType", "declarationType" "DeclarationType", uplift boolean, "declarationState" "DeclarationState")
LANGUAGE sql STABLE AS $$
  SELECT li.id, d.type, d."declarationType", d."pupilPremiumUplift" OR d."sparsityUplift", d.state
  FROM statement_line_items li JOIN declarations d ON d.id = li."declarationId";
$$;

-- A new line item (or one moved to another declaration) copies its declaration. FOR SHARE waits for a
-- transaction changing that declaration and then reads what it committed, and keeps the declaration
-- unchanged until this transaction ends, so the copy cannot miss a concurrent change.
CREATE OR REPLACE FUNCTION statement_line_items_copy_declaration() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT d.type, d."declarationType", d."pupilPremiumUplift" OR d."sparsityUplift", d.state
  INTO NEW."participantType", NEW."declarationType", NEW."uplift", NEW."declarationState"
  FROM "declarations" d WHERE d.id = NEW."declarationId"
  FOR SHARE;
  RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS statement_line_items_copy_declaration ON statement_line_items;
CREATE TRIGGER statement_line_items_copy_declaration BEFORE INSERT OR UPDATE OF "declarationId" ON "statement_line_items"
  FOR EACH ROW EXECUTE FUNCTION statement_line_items_copy_declaration();

-- A changed declaration updates its line items: set-based, once per statement, only where a copied
-- column changed (the monthly "mark payable" run changes thousands of declarations in one statement).
CREATE OR REPLACE FUNCTION declarations_copy_to_line_items() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "statement_line_items" li
  SET "participantType" = n.type, "declarationType" = n."declarationType",
      "uplift" = n."pupilPremiumUplift" OR n."sparsityUplift", "declarationState" = n.state
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE li."declarationId" = n.id
    AND (n.type, n."declarationType", n."pupilPremiumUplift" OR n."sparsityUplift", n.state)
        IS DISTINCT FROM (o.type, o."declarationType", o."pupilPremiumUplift" OR o."sparsityUplift", o.state);
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS declarations_copy_to_line_items ON declarations;
CREATE TRIGGER declarations_copy_to_line_items AFTER UPDATE ON "declarations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION declarations_copy_to_line_items();


-- =========================================================================================================
-- Bringing the stored rows in line with the definitions above: called after this file is applied (in the
-- same transaction), and at the end of a bulk load that writes history out of time order (the demo seed).
-- Each step writes only what differs, and participant_updated_at still only moves forward.
-- =========================================================================================================
CREATE OR REPLACE FUNCTION rebuild_read_models() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- The profiles whose stored rows differ from a rebuild (a row of a profile since removed among them),
  -- refreshed through the refresh itself, whose locks keep concurrent writers' refreshes in order.
  PERFORM refresh_lead_provider_participants(ARRAY(
    SELECT DISTINCT d."participantProfileId" FROM (
      (SELECT "leadProviderId", "participantProfileId", "teacherId", "teacherCreatedAt", "inductionRecordId", "cohortStartYear",
         "trainingStatus", enrolment, "profileCreatedAt", "startDate", "endDate", "inductionStatus" FROM lead_provider_participants
       EXCEPT SELECT * FROM lead_provider_participants_of(ARRAY(SELECT p.id FROM participant_profiles p)))
      UNION ALL
      (SELECT * FROM lead_provider_participants_of(ARRAY(SELECT p.id FROM participant_profiles p))
       EXCEPT SELECT "leadProviderId", "participantProfileId", "teacherId", "teacherCreatedAt", "inductionRecordId", "cohortStartYear",
         "trainingStatus", enrolment, "profileCreatedAt", "startDate", "endDate", "inductionStatus" FROM lead_provider_participants)
    ) d));

  PERFORM note_participants_updated(array_agg(s."teacherId"), array_agg(s."updatedAt"))
  FROM participant_updated_at_from_sources() s
  LEFT JOIN participant_updated_at u ON u."teacherId" = s."teacherId"
  WHERE u."updatedAt" IS NULL OR u."updatedAt" < s."updatedAt";

  UPDATE statement_line_items li
  SET "participantType" = c."participantType", "declarationType" = c."declarationType", uplift = c.uplift, "declarationState" = c."declarationState"
  FROM statement_line_item_copies_from_declarations() c
  WHERE c.id = li.id
    AND (c."participantType", c."declarationType", c.uplift, c."declarationState")
        IS DISTINCT FROM (li."participantType", li."declarationType", li.uplift, li."declarationState");
END;
$$;
