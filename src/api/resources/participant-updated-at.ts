// A participant's updated_at is the latest change to anything their resource shows: the teacher, their
// profiles, every induction record (transfers, mentor, schedule, training status), the programmes and
// partnerships those records hang on (delivery partner, challenge), the schools (URN), the providers'
// state log (withdrawal and deferral reasons) and their declarations. One list of sources serves both
// the value shown and the updated_since filter, so a client syncing with "get updates" misses nothing.
import { Prisma } from '@prisma/client';

const RECORDS = Prisma.sql`induction_records ir JOIN participant_profiles p ON p.id = ir."participantProfileId"`;
const PROGRAMMES = Prisma.sql`${RECORDS} JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"`;

/** Rows of ("teacherId", at): one per timestamp that can change what a participant looks like. */
const SOURCES = Prisma.sql`
  SELECT t.id AS "teacherId", t."updatedAt" AS at FROM teachers t
  UNION ALL SELECT p."teacherId", p."updatedAt" FROM participant_profiles p
  UNION ALL SELECT p."teacherId", ir."updatedAt" FROM ${RECORDS}
  UNION ALL SELECT p."teacherId", ip."updatedAt" FROM ${PROGRAMMES}
  UNION ALL SELECT p."teacherId", pa."updatedAt" FROM ${PROGRAMMES} JOIN partnerships pa ON pa.id = ip."partnershipId"
  UNION ALL SELECT p."teacherId", s."updatedAt" FROM ${PROGRAMMES}
    JOIN school_cohorts sc ON sc.id = ip."schoolCohortId" JOIN schools s ON s.id = sc."schoolId"
  UNION ALL SELECT p."teacherId", st."createdAt" FROM participant_profile_states st JOIN participant_profiles p ON p.id = st."participantProfileId"
  UNION ALL SELECT d."teacherId", d."updatedAt" FROM declarations d`;

/** ("teacherId", "updatedAt") for the teachers selected by `teacherIds` (a subquery or list). */
export const participantUpdatedAtSql = (teacherIds: Prisma.Sql) => Prisma.sql`
  SELECT x."teacherId", MAX(x.at) AS "updatedAt" FROM (${SOURCES}) x WHERE x."teacherId" IN (${teacherIds}) GROUP BY x."teacherId"`;

/** Teacher ids whose updated_at is at or after `since` (a row changed at or after it). */
export const participantsChangedSinceSql = (since: Date) => Prisma.sql`
  SELECT x."teacherId" FROM (${SOURCES}) x WHERE x.at >= ${since}`;
