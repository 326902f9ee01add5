// Schools with participants in a payment-frozen cohort, by name or URN: the bulk page's school filter.
import { Prisma } from '@prisma/client';
import { db } from '../../../db/client.js';

export interface SchoolOption { id: string; name: string; urn: string }

export async function findFrozenCohortSchools(search: string, limit = 20): Promise<SchoolOption[]> {
  const text = search.trim();
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db().$queryRaw<SchoolOption[]>(Prisma.sql`
    SELECT s.id, s.name, s.urn FROM schools s
    WHERE EXISTS (
      SELECT 1 FROM school_cohorts sc JOIN cohorts c ON c.id = sc."cohortId" AND c."paymentsFrozenAt" <= CURRENT_DATE
      WHERE sc."schoolId" = s.id
    ) ${text ? Prisma.sql`AND (s.name ILIKE ${like} OR s.urn = ${text})` : Prisma.empty}
    ORDER BY s.name, s.urn
    LIMIT ${limit}`);
}
