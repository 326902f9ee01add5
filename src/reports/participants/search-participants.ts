// Support's participant search: one box for a participant id (or training record id), a TRN, an email, part of
// a name, or a school's URN or part of its name (everyone with a profile there). Each person found comes with their profiles (ECT, mentor) and where those train now. Matches are
// gathered first (MATERIALIZED) so part-words use the trigram indexes rather than a walk of the name index.
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import { isUuid } from '../../rules/lenient-input.js';

export const SEARCH_LIMIT = 50;

export interface SearchHit {
  teacherId: string;
  fullName: string;
  email: string;
  trn: string | null;
  profiles: {
    id: string;
    type: 'ect' | 'mentor';
    trainingStatus: string;
    archived: boolean;
    cohort: number;
    schoolName: string;
    schoolUrn: string;
  }[];
}

interface Row {
  teacherId: string;
  fullName: string;
  email: string;
  trn: string | null;
  profileId: string | null;
  type: 'ect' | 'mentor' | null;
  trainingStatus: string | null;
  archivedAt: Date | null;
  startYear: number | null;
  schoolName: string | null;
  urn: string | null;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function matchSql(query: string): Prisma.Sql {
  if (isUuid(query as string | undefined)) {
    return Prisma.sql`t.id = ${query}::uuid OR t.id IN (SELECT "teacherId" FROM participant_profiles WHERE id = ${query}::uuid)`;
  }
  const digits = query.replace(/^(trn|urn)?\s*/i, '');
  // A URN has six digits and a TRN seven (some older ones fewer), so six digits may be either.
  if (/^\d{5,7}$/.test(digits)) return Prisma.sql`t.trn = ${digits} OR t.id IN (${atSchools(Prisma.sql`s.urn = ${digits}`)})`;
  if (query.includes('@')) return Prisma.sql`t.email ILIKE ${likePattern(query)}`;
  const words = query.split(/\s+/).map(likePattern);
  const byPerson = Prisma.join(words.map((w) => Prisma.sql`(t."fullName" ILIKE ${w} OR t.email ILIKE ${w})`), ' AND ');
  const bySchool = Prisma.join(words.map((w) => Prisma.sql`s.name ILIKE ${w}`), ' AND ');
  return Prisma.sql`(${byPerson}) OR t.id IN (${atSchools(bySchool)})`;
}

/** The teachers with a profile at a school that matches. */
const atSchools = (schoolMatch: Prisma.Sql) => Prisma.sql`
  SELECT p."teacherId" FROM schools s
  JOIN school_cohorts sc ON sc."schoolId" = s.id
  JOIN participant_profiles p ON p."schoolCohortId" = sc.id
  WHERE ${schoolMatch}`;

export async function searchParticipants(rawQuery: string): Promise<SearchHit[]> {
  const query = rawQuery.trim();
  if (query.length < 2) return [];
  const rows = await db().$queryRaw<Row[]>(Prisma.sql`
    WITH matches AS MATERIALIZED (SELECT t.id, t."fullName" FROM teachers t WHERE ${matchSql(query)}),
    found AS (SELECT id FROM matches ORDER BY "fullName", id LIMIT ${SEARCH_LIMIT})
    SELECT t.id AS "teacherId", t."fullName", t.email, t.trn, p.id AS "profileId", p.type::text AS type,
      p."trainingStatus"::text AS "trainingStatus", p."archivedAt", c."startYear", s.name AS "schoolName", s.urn
    FROM found f
    JOIN teachers t ON t.id = f.id
    LEFT JOIN participant_profiles p ON p."teacherId" = t.id
    LEFT JOIN cohorts c ON c.id = p."cohortId"
    LEFT JOIN school_cohorts sc ON sc.id = p."schoolCohortId"
    LEFT JOIN schools s ON s.id = sc."schoolId"
    ORDER BY t."fullName", t.id, p.type, p."createdAt"`);
  const hits = new Map<string, SearchHit>();
  for (const row of rows) {
    const hit = hits.get(row.teacherId) ?? { teacherId: row.teacherId, fullName: row.fullName, email: row.email, trn: row.trn, profiles: [] };
    hits.set(row.teacherId, hit);
    if (row.profileId) {
      hit.profiles.push({
        id: row.profileId,
        type: row.type!,
        trainingStatus: row.trainingStatus!,
        archived: row.archivedAt !== null,
        cohort: row.startYear!,
        schoolName: row.schoolName!,
        schoolUrn: row.urn!,
      });
    }
  }
  return [...hits.values()];
}
