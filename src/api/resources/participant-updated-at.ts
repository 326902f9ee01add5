// A participant's updated_at: the latest change to anything their resource shows, kept per teacher in
// participant_updated_at by database triggers (prisma/read-models.sql lists the sources). The value shown and the
// updated_since filter both read it, so a client syncing with "get updates" misses nothing.
import { Prisma } from '@prisma/client';

/** ("teacherId", "updatedAt") for these teachers (a page). */
export const participantUpdatedAtSql = (teacherIds: string[]) => Prisma.sql`
  SELECT u."teacherId", u."updatedAt" FROM participant_updated_at u WHERE u."teacherId" = ANY(${teacherIds}::uuid[])`;

/** ("teacherId", "updatedAt") for the teachers a subquery selects (sorting a whole list by updated_at). */
export const participantUpdatedAtForSql = (teacherIds: Prisma.Sql) => Prisma.sql`
  SELECT u."teacherId", u."updatedAt" FROM participant_updated_at u WHERE u."teacherId" IN (${teacherIds})`;

/** Teacher ids whose updated_at is at or after `since`. */
export const participantsChangedSinceSql = (since: Date) => Prisma.sql`
  SELECT u."teacherId" FROM participant_updated_at u WHERE u."updatedAt" >= ${since}`;
