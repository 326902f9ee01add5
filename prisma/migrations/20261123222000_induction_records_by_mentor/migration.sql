-- Who a mentor mentors: the check data status of every mentor looks this up, and without an index a
-- plan chosen on stale statistics scanned all induction records once per mentor.
CREATE INDEX "induction_records_mentorProfileId_idx" ON "induction_records"("mentorProfileId");
