-- CreateTable
CREATE TABLE "lead_provider_participants" (
    "leadProviderId" UUID NOT NULL,
    "participantProfileId" UUID NOT NULL,
    "teacherId" UUID NOT NULL,
    "teacherCreatedAt" TIMESTAMP(3) NOT NULL,
    "inductionRecordId" UUID NOT NULL,
    "cohortStartYear" INTEGER NOT NULL,
    "trainingStatus" "TrainingStatus" NOT NULL,

    CONSTRAINT "lead_provider_participants_pkey" PRIMARY KEY ("leadProviderId","participantProfileId")
);

-- CreateIndex
CREATE INDEX "lead_provider_participants_leadProviderId_teacherCreatedAt__idx" ON "lead_provider_participants"("leadProviderId", "teacherCreatedAt", "teacherId", "cohortStartYear", "trainingStatus");

-- CreateIndex
CREATE INDEX "lead_provider_participants_participantProfileId_idx" ON "lead_provider_participants"("participantProfileId");


-- Which induction record each lead provider sees for a participant profile: its latest record in one of
-- the provider's partnerships that the school has not challenged, ordered as InductionRecord.latest
-- (LATEST_INDUCTION_RECORD_ORDER in src/actions/participants/lead-provider/latest-induction-record.ts).
-- Every change that can alter the answer calls this for the profiles it touches, in the same transaction.
CREATE FUNCTION refresh_lead_provider_participants(profile_ids uuid[]) RETURNS void
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
    ("leadProviderId", "participantProfileId", "teacherId", "teacherCreatedAt", "inductionRecordId", "cohortStartYear", "trainingStatus")
  SELECT DISTINCT ON (pa."leadProviderId", ir."participantProfileId")
    pa."leadProviderId", ir."participantProfileId", p."teacherId", t."createdAt", ir.id, c."startYear", ir."trainingStatus"
  FROM induction_records ir
  JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
  JOIN partnerships pa ON pa.id = ip."partnershipId"
  JOIN participant_profiles p ON p.id = ir."participantProfileId"
  JOIN teachers t ON t.id = p."teacherId"
  JOIN schedules sch ON sch.id = ir."scheduleId"
  JOIN cohorts c ON c.id = sch."cohortId"
  WHERE ir."participantProfileId" IN (SELECT unnest(profile_ids))
    AND pa."challengedAt" IS NULL AND pa."challengeReason" IS NULL
  ORDER BY pa."leadProviderId", ir."participantProfileId",
    (ir."endDate" IS NULL) DESC, ir."startDate" DESC, ir."endDate" DESC, ir."createdAt" DESC, ir.id DESC;
END;
$$;

-- Induction records: set-based, once per statement, so bulk loads stay fast.
CREATE FUNCTION induction_records_refresh_lead_provider_participants() RETURNS trigger
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

CREATE TRIGGER induction_records_inserted AFTER INSERT ON induction_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION induction_records_refresh_lead_provider_participants();
CREATE TRIGGER induction_records_updated AFTER UPDATE ON induction_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION induction_records_refresh_lead_provider_participants();
CREATE TRIGGER induction_records_deleted AFTER DELETE ON induction_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION induction_records_refresh_lead_provider_participants();

-- The rows records hang on: rare changes, refreshed per row only when a column that matters changed.
CREATE FUNCTION refresh_lead_provider_participants_of_row() RETURNS trigger
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
      WHEN 'participant_profiles' THEN ARRAY[NEW.id]
    END;
  PERFORM refresh_lead_provider_participants(profile_ids);
  RETURN NULL;
END;
$$;

CREATE TRIGGER partnerships_refresh_lead_provider_participants AFTER UPDATE ON partnerships FOR EACH ROW
  WHEN (OLD."leadProviderId" IS DISTINCT FROM NEW."leadProviderId" OR OLD."challengedAt" IS DISTINCT FROM NEW."challengedAt"
    OR OLD."challengeReason" IS DISTINCT FROM NEW."challengeReason")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
CREATE TRIGGER induction_programmes_refresh_lead_provider_participants AFTER UPDATE ON induction_programmes FOR EACH ROW
  WHEN (OLD."partnershipId" IS DISTINCT FROM NEW."partnershipId")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
CREATE TRIGGER schedules_refresh_lead_provider_participants AFTER UPDATE ON schedules FOR EACH ROW
  WHEN (OLD."cohortId" IS DISTINCT FROM NEW."cohortId")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
CREATE TRIGGER cohorts_refresh_lead_provider_participants AFTER UPDATE ON cohorts FOR EACH ROW
  WHEN (OLD."startYear" IS DISTINCT FROM NEW."startYear")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
CREATE TRIGGER teachers_refresh_lead_provider_participants AFTER UPDATE ON teachers FOR EACH ROW
  WHEN (OLD."createdAt" IS DISTINCT FROM NEW."createdAt")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();
CREATE TRIGGER participant_profiles_refresh_lead_provider_participants AFTER UPDATE ON participant_profiles FOR EACH ROW
  WHEN (OLD."teacherId" IS DISTINCT FROM NEW."teacherId")
  EXECUTE FUNCTION refresh_lead_provider_participants_of_row();

-- What the API already shows today.
SELECT refresh_lead_provider_participants(ARRAY(SELECT ir."participantProfileId" FROM induction_records ir GROUP BY 1));
