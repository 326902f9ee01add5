// GET /api/v3/participants/ecf/transfers(/{id}/transfers): participants who have left a school, paired
// with the school they joined, where the caller was the provider on either side (Api::V3::ECF::BuildTransfers).
import { Prisma } from '@prisma/client';
import { db } from '../../db/client.js';
import type { ApiCaller } from '../http/caller.js';
import { isoDayOrNull, isoTime } from '../http/format.js';
import type { Page } from '../http/query.js';
import { participantsChangedSinceSql, participantUpdatedAtForSql, participantUpdatedAtSql } from './participant-updated-at.js';

interface RecordRow {
  teacherId: string;
  profileId: string;
  inductionStatus: string;
  schoolTransfer: boolean;
  startDate: Date;
  endDate: Date | null;
  createdAt: Date;
  schoolId: string;
  urn: string;
  leadProviderId: string | null;
  leadProviderName: string | null;
}

/** Teachers with a leaving record on a profile that the caller trained, or took in by transfer. */
const transferringTeachersSql = (caller: ApiCaller) => Prisma.sql`
  SELECT DISTINCT p."teacherId" AS id
  FROM participant_profiles p
  WHERE EXISTS (SELECT 1 FROM induction_records ir WHERE ir."participantProfileId" = p.id AND ir."inductionStatus" = 'leaving')
    AND EXISTS (
      SELECT 1 FROM induction_records ir
      JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
      JOIN partnerships pa ON pa.id = ip."partnershipId"
      WHERE ir."participantProfileId" = p.id AND pa."leadProviderId" = ${caller.leadProviderId}::uuid
        AND (ir."schoolTransfer" OR ir."inductionStatus" = 'leaving'))`;

type Transfer = [RecordRow, RecordRow | null];

/** Each leaving record, with the first later-created record at another school that came in by transfer. */
function pairTransfers(records: RecordRow[], caller: ApiCaller): Transfer[] {
  const sorted = [...records].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const used = new Set<RecordRow>();
  const transfers: Transfer[] = [];
  for (const leaving of sorted) {
    if (leaving.inductionStatus !== 'leaving') continue;
    used.add(leaving);
    const joining = sorted.find((r) => !used.has(r) && r.inductionStatus !== 'leaving' && r.schoolId !== leaving.schoolId && r.schoolTransfer) ?? null;
    if (joining) used.add(joining);
    const involvesCaller = leaving.leadProviderId === caller.leadProviderId || joining?.leadProviderId === caller.leadProviderId;
    if (joining ? involvesCaller : leaving.leadProviderId === caller.leadProviderId) transfers.push([leaving, joining]);
  }
  return transfers;
}

function describe([leaving, joining]: Transfer, now: Date) {
  const transferDate = [leaving.endDate, joining?.startDate].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
  const today = new Date(now.toISOString().slice(0, 10));
  const newProvider = !!joining && !!leaving.leadProviderId && !!joining.leadProviderId && leaving.leadProviderId !== joining.leadProviderId;
  return {
    training_record_id: leaving.profileId,
    transfer_type: joining ? (newProvider ? 'new_provider' : 'new_school') : 'unknown',
    status: !transferDate || transferDate > today ? 'incomplete' : 'complete',
    leaving: { school_urn: leaving.urn, provider: leaving.leadProviderName ?? '', date: isoDayOrNull(leaving.endDate) },
    joining: joining ? { school_urn: joining.urn, provider: joining.leadProviderName ?? '', date: isoDayOrNull(joining.startDate) } : null,
    created_at: isoTime(leaving.createdAt),
  };
}

async function transferResources(caller: ApiCaller, teacherIds: string[]) {
  if (teacherIds.length === 0) return [];
  const [records, updated] = await Promise.all([
    db().$queryRaw<RecordRow[]>(Prisma.sql`
      SELECT p."teacherId", p.id AS "profileId", ir."inductionStatus"::text AS "inductionStatus", ir."schoolTransfer",
        ir."startDate", ir."endDate", ir."createdAt", s.id AS "schoolId", s.urn, lp.id AS "leadProviderId", lp.name AS "leadProviderName"
      FROM participant_profiles p
      JOIN induction_records ir ON ir."participantProfileId" = p.id
      JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
      JOIN school_cohorts sc ON sc.id = ip."schoolCohortId"
      JOIN schools s ON s.id = sc."schoolId"
      LEFT JOIN partnerships pa ON pa.id = ip."partnershipId"
      LEFT JOIN lead_providers lp ON lp.id = pa."leadProviderId"
      WHERE p."teacherId" = ANY(${teacherIds}::uuid[])`),
    db().$queryRaw<{ teacherId: string; updatedAt: Date }[]>(participantUpdatedAtSql(teacherIds)),
  ]);
  const updatedAt = new Map(updated.map((u) => [u.teacherId, u.updatedAt]));
  const now = new Date();
  return teacherIds.map((teacherId) => {
    const mine = records.filter((r) => r.teacherId === teacherId);
    const transfers = [...new Set(mine.map((r) => r.profileId))].flatMap((profileId) =>
      pairTransfers(mine.filter((r) => r.profileId === profileId), caller).map((t) => describe(t, now)),
    );
    return { id: teacherId, type: 'participant-transfer', attributes: { updated_at: isoTime(updatedAt.get(teacherId)!), transfers } };
  });
}


export async function listTransfers(caller: ApiCaller, updatedSince: Date | null, page: Page) {
  const ids = await db().$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH transferring AS (${transferringTeachersSql(caller)})
    SELECT t.id FROM transferring tr JOIN teachers t ON t.id = tr.id
    JOIN (${participantUpdatedAtForSql(Prisma.sql`SELECT id FROM transferring`)}) u ON u."teacherId" = t.id
    ${updatedSince ? Prisma.sql`WHERE t.id IN (${participantsChangedSinceSql(updatedSince)})` : Prisma.empty}
    ORDER BY ${updatedSince ? Prisma.sql`u."updatedAt"` : Prisma.sql`t."createdAt"`} ASC, t.id ASC
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return transferResources(caller, ids.map((r) => r.id));
}

export async function findTransfers(caller: ApiCaller, teacherId: string) {
  const found = await db().$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT id FROM (${transferringTeachersSql(caller)}) tr WHERE tr.id = ${teacherId}::uuid`);
  return found.length ? (await transferResources(caller, [teacherId]))[0] : null;
}
