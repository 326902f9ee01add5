-- The API's enrolments as the DfE's serializer writes them (app/serializers/api/v3/ecf/participant_serializer.rb):
-- times to the whole second (`.rfc3339`), teacher_reference_number_validated null while the teacher has no
-- TRN, and the withdrawal reason as stored (the reader shows a pre-2025 name under its 2025 one when the
-- PROGRAMME_TYPE_CHANGES_2025 setting is on, so flipping the setting needs no refresh). A teacher's TRN now
-- refreshes their rows. Every stored row is rendered again.

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
      -- Unknown (null) while the teacher has no TRN.
      CASE WHEN nullif(t.trn, '') IS NOT NULL THEN p."trnValidationState" = 'valid' END AS teacher_reference_number_validated,
      CASE p."eligibilityStatus" WHEN 'eligible' THEN true WHEN 'ineligible' THEN false END AS eligible_for_funding,
      p."pupilPremiumUplift" AS pupil_premium_uplift,
      p."sparsityUplift" AS sparsity_uplift,
      v."scheduleIdentifier" AS schedule_identifier,
      v."deliveryPartnerId" AS delivery_partner_id,
      -- The provider's reason and date for the current withdrawal or deferral. A withdrawal reason is kept
      -- as stored: whether a pre-2025 name is shown under its 2025 one is a setting the reader applies.
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
END;
$$;

DROP TRIGGER teachers_refresh_lead_provider_participants ON teachers;
CREATE TRIGGER teachers_refresh_lead_provider_participants AFTER UPDATE ON teachers FOR EACH ROW
  WHEN (OLD."createdAt" IS DISTINCT FROM NEW."createdAt" OR OLD.email IS DISTINCT FROM NEW.email OR OLD.trn IS DISTINCT FROM NEW.trn)
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();

SELECT refresh_lead_provider_participants(ARRAY(SELECT ir."participantProfileId" FROM induction_records ir GROUP BY 1));
