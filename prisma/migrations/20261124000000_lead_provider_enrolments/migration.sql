-- Each lead_provider_participants row also carries the API's ecf_enrolment for its provider, written as
-- JSON when the row is refreshed, so a page of participants is read rather than assembled from a dozen
-- tables per participant. participant_status depends on the time of reading, so the row keeps what it
-- is worked out from and the reader adds it. Every change to what an enrolment shows refreshes the rows
-- of the profiles it touches (the triggers below, beside those of 20261123193723).
ALTER TABLE "lead_provider_participants"
  ADD COLUMN "enrolment" TEXT,
  ADD COLUMN "profileCreatedAt" TIMESTAMP(3),
  ADD COLUMN "startDate" TIMESTAMP(3),
  ADD COLUMN "endDate" TIMESTAMP(3),
  ADD COLUMN "inductionStatus" "InductionStatus";

CREATE INDEX "lead_provider_participants_leadProviderId_teacherId_idx" ON "lead_provider_participants"("leadProviderId", "teacherId");

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

  DELETE FROM lead_provider_participants v WHERE v."participantProfileId" IN (SELECT unnest(profile_ids));
  INSERT INTO lead_provider_participants
    ("leadProviderId", "participantProfileId", "teacherId", "teacherCreatedAt", "inductionRecordId", "cohortStartYear", "trainingStatus",
     "enrolment", "profileCreatedAt", "startDate", "endDate", "inductionStatus")
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
      p."trnValidationState" = 'valid' AS teacher_reference_number_validated,
      CASE p."eligibilityStatus" WHEN 'eligible' THEN true WHEN 'ineligible' THEN false END AS eligible_for_funding,
      p."pupilPremiumUplift" AS pupil_premium_uplift,
      p."sparsityUplift" AS sparsity_uplift,
      v."scheduleIdentifier" AS schedule_identifier,
      v."deliveryPartnerId" AS delivery_partner_id,
      -- The provider's reason and date for the current withdrawal or deferral; withdrawal reasons stored
      -- under their pre-2025 name show the current one.
      CASE WHEN v."trainingStatus" = 'withdrawn' AND st.reason IS NOT NULL THEN (SELECT row_to_json(w) FROM (SELECT
        CASE st.reason WHEN 'school-left-fip' THEN 'switched-to-school-led' ELSE st.reason END AS reason,
        to_char(st."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS date) w) END AS withdrawal,
      CASE WHEN v."trainingStatus" = 'deferred' AND st.reason IS NOT NULL THEN (SELECT row_to_json(d) FROM (SELECT
        st.reason AS reason, to_char(st."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS date) d) END AS deferral,
      to_char(p."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
      to_char(p."inductionCompletionDate", 'YYYY-MM-DD') AS induction_end_date,
      to_char(p."mentorCompletionDate", 'YYYY-MM-DD') AS mentor_funding_end_date,
      p."cohortChangedAfterPaymentsFrozen" AS cohort_changed_after_payments_frozen,
      CASE WHEN p.type = 'mentor' THEN p."mentorCompletionReason" END AS mentor_ineligible_for_funding_reason
  ) e;
END;
$$;

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
    END;
  PERFORM refresh_lead_provider_participants(profile_ids);
  RETURN NULL;
END;
$$;

DROP TRIGGER partnerships_refresh_lead_provider_participants ON partnerships;
CREATE TRIGGER partnerships_refresh_lead_provider_participants AFTER UPDATE ON partnerships FOR EACH ROW
  WHEN (OLD."leadProviderId" IS DISTINCT FROM NEW."leadProviderId" OR OLD."challengedAt" IS DISTINCT FROM NEW."challengedAt"
    OR OLD."challengeReason" IS DISTINCT FROM NEW."challengeReason" OR OLD."deliveryPartnerId" IS DISTINCT FROM NEW."deliveryPartnerId")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
DROP TRIGGER schedules_refresh_lead_provider_participants ON schedules;
CREATE TRIGGER schedules_refresh_lead_provider_participants AFTER UPDATE ON schedules FOR EACH ROW
  WHEN (OLD."cohortId" IS DISTINCT FROM NEW."cohortId" OR OLD."scheduleIdentifier" IS DISTINCT FROM NEW."scheduleIdentifier")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
DROP TRIGGER teachers_refresh_lead_provider_participants ON teachers;
CREATE TRIGGER teachers_refresh_lead_provider_participants AFTER UPDATE ON teachers FOR EACH ROW
  WHEN (OLD."createdAt" IS DISTINCT FROM NEW."createdAt" OR OLD.email IS DISTINCT FROM NEW.email)
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
CREATE TRIGGER schools_refresh_lead_provider_participants AFTER UPDATE ON schools FOR EACH ROW
  WHEN (OLD.urn IS DISTINCT FROM NEW.urn)
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();

-- Profiles change in bulk (eligibility, uplifts), so once per statement: those whose shown columns
-- changed, and the mentees of a mentor profile that moved to another teacher (their mentor_id).
CREATE FUNCTION participant_profiles_refresh_lead_provider_participants() RETURNS trigger
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

DROP TRIGGER participant_profiles_refresh_lead_provider_participants ON participant_profiles;
CREATE TRIGGER participant_profiles_refresh_lead_provider_participants AFTER UPDATE ON participant_profiles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION participant_profiles_refresh_lead_provider_participants();

-- A provider's withdrawal or deferral reason.
CREATE FUNCTION participant_profile_states_refresh_lead_provider_participants() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_lead_provider_participants(ARRAY(SELECT DISTINCT "participantProfileId" FROM new_rows));
  RETURN NULL;
END;
$$;

CREATE TRIGGER participant_profile_states_refresh_lead_provider_participants AFTER INSERT ON participant_profile_states
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION participant_profile_states_refresh_lead_provider_participants();

SELECT refresh_lead_provider_participants(ARRAY(SELECT ir."participantProfileId" FROM induction_records ir GROUP BY 1));

ALTER TABLE "lead_provider_participants"
  ALTER COLUMN "enrolment" SET NOT NULL,
  ALTER COLUMN "profileCreatedAt" SET NOT NULL,
  ALTER COLUMN "startDate" SET NOT NULL,
  ALTER COLUMN "inductionStatus" SET NOT NULL;
