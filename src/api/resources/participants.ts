// GET /api/v3/participants/ecf(/{id}): people with a profile whose latest induction record with the
// caller is in a partnership the school has not challenged (relationship partnerships included). Each
// profile reached that way is an enrolment.
import { Prisma, type TrainingStatus } from '@prisma/client';
import { db } from '../../db/client.js';
import { queryPrepared } from '../../db/prepared-statements.js';
import type { ApiCaller } from '../http/caller.js';
import { fromSqlJson, isoTime } from '../http/format.js';
import { cohortCondition, type Page, type Sort } from '../http/query.js';
import { enrolmentsOf, type EnrolmentRow } from './participant-enrolments.js';
import { teacherIdsOnPage } from './participant-order.js';
import { participantsChangedSinceSql, participantUpdatedAtForSql, participantUpdatedAtSql } from './participant-updated-at.js';

export interface ParticipantFilters {
  years: number[] | null;
  updatedSince: Date | null;
  trainingStatus: TrainingStatus | null;
  fromParticipantId: string | undefined;
}

export const PARTICIPANT_SORTS = { created_at: Prisma.sql`t."createdAt"`, updated_at: Prisma.sql`u."updatedAt"` };

/**
 * Teachers (id, "createdAt") the caller may see, narrowed by the filters that apply to the latest record.
 * Grouped in the order of the table's index, so a page sorted by created_at reads only as far as it needs.
 */
function visibleTeachersSql(caller: ApiCaller, filters: Pick<ParticipantFilters, 'years' | 'trainingStatus'>, teacherIds: Prisma.Sql | null) {
  return Prisma.sql`
    SELECT v."teacherId" AS id, v."teacherCreatedAt" AS "createdAt"
    FROM lead_provider_participants v
    WHERE v."leadProviderId" = ${caller.leadProviderId}::uuid
      AND ${cohortCondition(Prisma.sql`v."cohortStartYear"`, filters.years)}
      ${filters.trainingStatus ? Prisma.sql`AND v."trainingStatus" = ${filters.trainingStatus}::"TrainingStatus"` : Prisma.empty}
      ${teacherIds ? Prisma.sql`AND v."participantProfileId" IN (SELECT p.id FROM participant_profiles p WHERE p."teacherId" IN (${teacherIds}))` : Prisma.empty}
    GROUP BY v."teacherCreatedAt", v."teacherId"`;
}

/** As json_agg writes it (updatedAt a string, see fromSqlJson). */
interface TeacherRow {
  id: string;
  fullName: string;
  trn: string | null;
  email: string;
  updatedAt: string;
}

export async function listParticipants(caller: ApiCaller, filters: ParticipantFilters, sort: Sort, page: Page) {
  // Participant id changes (deduplicated identities) are not recorded here, so none match.
  if (filters.fromParticipantId) return [];
  if (!filters.updatedSince && !sort.columns.includes('updated_at')) {
    const key = JSON.stringify([caller.leadProviderId, filters.years, filters.trainingStatus, sort.orderBy.sql]);
    return participantResources(caller, await teacherIdsOnPage(key, caller.leadProviderId, visibleTeachersSql(caller, filters, null), sort.orderBy, page));
  }
  const changed = filters.updatedSince ? participantsChangedSinceSql(filters.updatedSince) : null;
  const ids = await db().$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH visible AS (${visibleTeachersSql(caller, filters, changed)})
    SELECT t.id FROM visible t
    JOIN (${participantUpdatedAtForSql(Prisma.sql`SELECT id FROM visible`)}) u ON u."teacherId" = t.id
    ORDER BY ${sort.orderBy}
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return participantResources(caller, ids.map((r) => r.id));
}

/** The participant if the caller can see them (any cohort after 2020), else null. */
export async function findParticipant(caller: ApiCaller, teacherId: string) {
  const visible = await db().$queryRaw<{ id: string }[]>(
    visibleTeachersSql(caller, { years: null, trainingStatus: null }, Prisma.sql`${teacherId}::uuid`),
  );
  return visible.length ? (await participantResources(caller, [teacherId]))[0] : null;
}

/** Resources for those of these teachers the caller sees, in this order, with the enrolments the caller can see. */
export async function participantResources(caller: ApiCaller, teacherIds: string[]) {
  if (teacherIds.length === 0) return [];
  const [teachers, enrolments] = await Promise.all([
    queryPrepared<{ rows: TeacherRow[] | null }>(Prisma.sql`
      SELECT json_agg(r) AS rows FROM (
        SELECT t.id, t."fullName", t.trn, t.email, u."updatedAt"
        FROM teachers t JOIN (${participantUpdatedAtSql(teacherIds)}) u ON u."teacherId" = t.id
        WHERE t.id = ANY(${teacherIds}::uuid[])) r`).then(([{ rows }]) => rows ?? []),
    enrolmentsOf(caller, Prisma.sql`SELECT p.id FROM participant_profiles p WHERE p."teacherId" = ANY(${teacherIds}::uuid[])`),
  ]);
  const byTeacher = new Map<string, EnrolmentRow[]>();
  for (const row of enrolments) byTeacher.set(row.teacherId, [...(byTeacher.get(row.teacherId) ?? []), row]);
  const teacherById = new Map(teachers.map((t) => [t.id, t]));
  return teacherIds.flatMap((id) => {
    const teacher = teacherById.get(id);
    // Someone the caller no longer sees has no enrolment with them (a kept page order may still name them).
    if (!teacher || !byTeacher.has(id)) return [];
    return [{
      id: teacher.id,
      type: 'participant',
      attributes: {
        full_name: teacher.fullName,
        ...(teacher.trn ? { teacher_reference_number: teacher.trn } : {}),
        updated_at: isoTime(fromSqlJson(teacher.updatedAt)),
        ecf_enrolments: (byTeacher.get(id) ?? []).map((row) => row.enrolment),
        participant_id_changes: [],
      },
    }];
  });
}
