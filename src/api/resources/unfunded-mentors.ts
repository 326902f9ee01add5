// GET /api/v3/unfunded-mentors/ecf(/{id}): mentors of the caller's participants whom the caller does not
// train itself (another provider funds their training, or nobody does).
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import { LATEST_INDUCTION_RECORD_ORDER } from '../../rules/latest-induction-record.js';
import type { ApiCaller } from '../http/caller.js';
import { isoTime } from '../http/format.js';
import type { Page } from '../http/query.js';
import { latestVisibleRecordsSql } from './visible-records.js';

interface MentorRow {
  id: string;
  fullName: string;
  email: string;
  trn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const UNFUNDED_MENTOR_SORTS = { created_at: Prisma.sql`"createdAt"`, updated_at: Prisma.sql`"updatedAt"` };

/**
 * updated_at includes the mentees' records that name the mentor, so a newly assigned mentor shows up
 * in "get updates" even when nothing about the mentor themself changed.
 */
const query = (caller: ApiCaller) => Prisma.sql`
  WITH latest AS (${latestVisibleRecordsSql(caller, null)}),
  mentors AS (
    SELECT l."mentorProfileId" AS id, MAX(l."updatedAt") AS "assignedAt" FROM latest l
    WHERE l."mentorProfileId" IS NOT NULL AND l."mentorProfileId" NOT IN (SELECT "participantProfileId" FROM latest)
    GROUP BY l."mentorProfileId")
  SELECT * FROM (
    SELECT DISTINCT ON (t.id) t.id, t."fullName", COALESCE(mr."preferredEmail", t.email) AS email, t.trn, t."createdAt",
      GREATEST(t."updatedAt", mr."updatedAt", m."assignedAt") AS "updatedAt"
    FROM mentors m
    JOIN participant_profiles mp ON mp.id = m.id AND mp.type = 'mentor'
    JOIN teachers t ON t.id = mp."teacherId"
    LEFT JOIN LATERAL (
      SELECT ir."preferredEmail", ir."updatedAt" FROM induction_records ir
      WHERE ir."participantProfileId" = mp.id ORDER BY ${LATEST_INDUCTION_RECORD_ORDER} LIMIT 1) mr ON true
    ORDER BY t.id, mp."createdAt"
  ) u`;

const toResource = (row: MentorRow) => ({
  id: row.id,
  type: 'unfunded-mentor',
  attributes: {
    full_name: row.fullName,
    email: row.email,
    teacher_reference_number: row.trn || null,
    created_at: isoTime(row.createdAt),
    updated_at: isoTime(row.updatedAt),
  },
});

export async function listUnfundedMentors(caller: ApiCaller, updatedSince: Date | null, orderBy: Prisma.Sql, page: Page) {
  const rows = await db().$queryRaw<MentorRow[]>(Prisma.sql`${query(caller)}
    ${updatedSince ? Prisma.sql`WHERE u."updatedAt" >= ${updatedSince}` : Prisma.empty}
    ORDER BY ${orderBy}
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return rows.map(toResource);
}

export async function findUnfundedMentor(caller: ApiCaller, teacherId: string) {
  const [row] = await db().$queryRaw<MentorRow[]>(Prisma.sql`${query(caller)} WHERE u.id = ${teacherId}::uuid`);
  return row ? toResource(row) : null;
}
