// A participant's updated_at is the latest change to anything their resource shows: the teacher, their
// profiles, every induction record (transfers, mentor, schedule, training status), the programmes and
// partnerships those records hang on (delivery partner, challenge), the schools (URN), the providers'
// state log (withdrawal and deferral reasons) and their declarations. One list of sources serves both
// the value shown and the updated_since filter, so a client syncing with "get updates" misses nothing.
import { Prisma } from '@prisma/client';

interface Source {
  /** FROM ... JOIN ... for one kind of row. */
  from: Prisma.Sql;
  teacherId: Prisma.Sql;
  at: Prisma.Sql;
}

const RECORDS = Prisma.sql`induction_records ir JOIN participant_profiles p ON p.id = ir."participantProfileId"`;
const PROGRAMMES = Prisma.sql`${RECORDS} JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"`;
const TEACHER = Prisma.sql`p."teacherId"`;

const SOURCES: Source[] = [
  { from: Prisma.sql`teachers t`, teacherId: Prisma.sql`t.id`, at: Prisma.sql`t."updatedAt"` },
  { from: Prisma.sql`participant_profiles p`, teacherId: TEACHER, at: Prisma.sql`p."updatedAt"` },
  { from: RECORDS, teacherId: TEACHER, at: Prisma.sql`ir."updatedAt"` },
  { from: PROGRAMMES, teacherId: TEACHER, at: Prisma.sql`ip."updatedAt"` },
  { from: Prisma.sql`${PROGRAMMES} JOIN partnerships pa ON pa.id = ip."partnershipId"`, teacherId: TEACHER, at: Prisma.sql`pa."updatedAt"` },
  {
    from: Prisma.sql`${PROGRAMMES} JOIN school_cohorts sc ON sc.id = ip."schoolCohortId" JOIN schools s ON s.id = sc."schoolId"`,
    teacherId: TEACHER,
    at: Prisma.sql`s."updatedAt"`,
  },
  { from: Prisma.sql`participant_profile_states st JOIN participant_profiles p ON p.id = st."participantProfileId"`, teacherId: TEACHER, at: Prisma.sql`st."createdAt"` },
  { from: Prisma.sql`declarations d`, teacherId: Prisma.sql`d."teacherId"`, at: Prisma.sql`d."updatedAt"` },
];

/** The sources as ("teacherId", at) rows, each branch filtered where its own indexes can serve. */
const sourcesWhere = (condition: (source: Source) => Prisma.Sql) =>
  Prisma.join(SOURCES.map((s) => Prisma.sql`SELECT ${s.teacherId} AS "teacherId", ${s.at} AS at FROM ${s.from} WHERE ${condition(s)}`), ' UNION ALL ');

/**
 * ("teacherId", "updatedAt") for these teachers (a page): each source's latest change per teacher through
 * its own index, which stays a small plan rather than one the planner spreads over parallel workers.
 */
export const participantUpdatedAtSql = (teacherIds: string[]) => Prisma.sql`
  SELECT who.id AS "teacherId",
    GREATEST(${Prisma.join(SOURCES.map((s) => Prisma.sql`(SELECT MAX(${s.at}) FROM ${s.from} WHERE ${s.teacherId} = who.id)`), ', ')}) AS "updatedAt"
  FROM teachers who WHERE who.id = ANY(${teacherIds}::uuid[])`;

/** ("teacherId", "updatedAt") for the teachers a subquery selects (sorting a whole list by updated_at). */
export const participantUpdatedAtForSql = (teacherIds: Prisma.Sql) => Prisma.sql`
  SELECT x."teacherId", MAX(x.at) AS "updatedAt"
  FROM (${sourcesWhere((s) => Prisma.sql`${s.teacherId} IN (${teacherIds})`)}) x
  GROUP BY x."teacherId"`;

/** Teacher ids whose updated_at is at or after `since`: some row of theirs changed at or after it. */
export const participantsChangedSinceSql = (since: Date) => Prisma.sql`
  SELECT x."teacherId" FROM (${sourcesWhere((s) => Prisma.sql`${s.at} >= ${since}`)}) x`;
