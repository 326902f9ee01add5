// GET /api/v3/participants/ecf(/{id}): people with a profile whose latest induction record with the
// caller is in a partnership the school has not challenged (relationship partnerships included). Each
// profile reached that way is an enrolment.
import { Prisma, type TrainingStatus } from '@prisma/client';
import { shownWithdrawalReasonInJsonSql } from '../../rules/programme-type-names.js';
import { db } from '../../db/client.js';
import { queryPrepared } from '../../db/prepared-statements.js';
import type { ApiCaller } from '../http/caller.js';
import { ISO_TIME_SQL_FORMAT } from '../http/format.js';
import { cohortCondition, type Page, type Sort } from '../http/query.js';
import { readPage } from './participant-order.js';
import { participantsChangedSinceSql, participantUpdatedAtForSql } from './participant-updated-at.js';

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

/** The page as the JSON text of the data array. */
export async function listParticipants(caller: ApiCaller, filters: ParticipantFilters, sort: Sort, page: Page): Promise<string> {
  // Participant id changes (deduplicated identities) are not recorded here, so none match.
  if (filters.fromParticipantId) return '[]';
  const sortsByUpdatedAt = sort.columns.includes('updated_at');
  if (!filters.updatedSince && !sortsByUpdatedAt) {
    const key = JSON.stringify([caller.leadProviderId, filters.years, filters.trainingStatus, sort.orderBy.sql]);
    return readPage(key, caller.leadProviderId, visibleTeachersSql(caller, filters, null), sort.orderBy, page, async (teacherIds, current) => {
      const [row] = await queryPrepared<{ json: string; current: boolean }>(participantsJsonSql(caller, teacherIds, current));
      return { value: row.json, current: row.current };
    });
  }
  const changed = filters.updatedSince ? participantsChangedSinceSql(filters.updatedSince) : null;
  const ids = await db().$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH visible AS (${visibleTeachersSql(caller, filters, changed)})
    SELECT t.id FROM visible t
    ${sortsByUpdatedAt ? Prisma.sql`JOIN (${participantUpdatedAtForSql(Prisma.sql`SELECT id FROM visible`)}) u ON u."teacherId" = t.id` : Prisma.empty}
    ORDER BY ${sort.orderBy}
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return participantResourcesJson(caller, ids.map((r) => r.id));
}

/** The participant if the caller can see them (any cohort after 2020), else null. */
export async function findParticipant(caller: ApiCaller, teacherId: string) {
  const visible = await db().$queryRaw<{ id: string }[]>(
    visibleTeachersSql(caller, { years: null, trainingStatus: null }, Prisma.sql`${teacherId}::uuid`),
  );
  return visible.length ? (await participantResources(caller, [teacherId]))[0] : null;
}

/**
 * The JSON array of resources for those of these teachers the caller sees, in this order, each with the
 * enrolments the caller can see. Someone the caller no longer sees has none and is left out (a kept page
 * order may still name them).
 */
export async function participantResourcesJson(caller: ApiCaller, teacherIds: string[]): Promise<string> {
  if (teacherIds.length === 0) return '[]';
  const [{ json }] = await queryPrepared<{ json: string }>(participantsJsonSql(caller, teacherIds));
  return json;
}

const isoTimeSql = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, ${Prisma.raw(`'${ISO_TIME_SQL_FORMAT}'`)})`;
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** Whether the school has told the DfE the participant is arriving, leaving or gone (the DfE's v3 participant serializer, app/serializers/api/v3), as of now. */
const participantStatusSql = Prisma.sql`CASE
    WHEN v."endDate" IS NOT NULL THEN CASE WHEN v."endDate" > ${NOW} THEN 'leaving' ELSE 'left' END
    WHEN v."startDate" > ${NOW} THEN 'joining'
    WHEN v."inductionStatus" IN ('active', 'completed') THEN 'active'
    WHEN v."inductionStatus" = 'leaving' THEN 'leaving'
    ELSE 'withdrawn'
  END`;

/**
 * Written as text by the database and passed through: each enrolment is kept rendered in
 * lead_provider_participants (prisma/read-models.sql), so a page only joins it to the teacher. `current` is
 * evaluated beside it (whether the page order it came from still holds).
 */
const participantsJsonSql = (caller: ApiCaller, teacherIds: string[], current = Prisma.sql`true`) => Prisma.sql`
  WITH page AS (SELECT id, n FROM unnest(${teacherIds}::uuid[]) WITH ORDINALITY AS page(id, n))
  SELECT '[' || coalesce(string_agg(
    '{"id":"' || t.id || '","type":"participant","attributes":{"full_name":' || to_json(t."fullName")::text
    || ',"teacher_reference_number":' || coalesce(to_json(nullif(t.trn, ''))::text, 'null')
    || ',"updated_at":"' || ${isoTimeSql(Prisma.sql`u."updatedAt"`)} || '","ecf_enrolments":[' || e.list || '],"participant_id_changes":[]}}',
    ',' ORDER BY page.n), '') || ']' AS json,
    ${current} AS current
  FROM page
  JOIN teachers t ON t.id = page.id
  JOIN participant_updated_at u ON u."teacherId" = t.id
  JOIN LATERAL (
    SELECT string_agg(${shownWithdrawalReasonInJsonSql(Prisma.sql`v.enrolment`)} || ',"participant_status":"' || ${participantStatusSql} || '"}', ',' ORDER BY v."profileCreatedAt", v."participantProfileId") AS list
    FROM lead_provider_participants v
    WHERE v."leadProviderId" = ${caller.leadProviderId}::uuid AND v."teacherId" = t.id
  ) e ON e.list IS NOT NULL`;

/** The resources themselves, for answers about one participant. */
export async function participantResources(caller: ApiCaller, teacherIds: string[]): Promise<ParticipantResource[]> {
  return JSON.parse(await participantResourcesJson(caller, teacherIds)) as ParticipantResource[];
}

export interface ParticipantResource {
  id: string;
  type: 'participant';
  attributes: { full_name: string; teacher_reference_number: string | null; updated_at: string; ecf_enrolments: Record<string, unknown>[]; participant_id_changes: [] };
}
