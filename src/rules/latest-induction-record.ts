// "The latest induction record" (the DfE's InductionRecord.latest): open-ended first, then the newest start,
// then the latest end, then the newest created, and the id last so two records alike in all of those still
// come out in one order every time. One definition for the actions, the API's queries and the reports.
// The read models' database functions order the same way (see docs/read-models.md): change them together.
import { Prisma, type InductionRecord } from '@prisma/client';
import type { Tx } from '../db/client.js';
import { unchallengedPartnershipSql } from './unchallenged-partnership.js';

/** ORDER BY terms, latest first, over an induction_records row aliased `alias` (a constant of our own code). */
export function latestInductionRecordOrder(alias = 'ir'): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  const a = alias;
  return Prisma.raw(`(${a}."endDate" IS NULL) DESC, ${a}."startDate" DESC, ${a}."endDate" DESC, ${a}."createdAt" DESC, ${a}.id DESC`);
}

/** The ORDER BY terms over `ir`, for the queries that alias induction_records so. */
export const LATEST_INDUCTION_RECORD_ORDER = latestInductionRecordOrder('ir');

type Ordered = Pick<InductionRecord, 'id' | 'startDate' | 'endDate' | 'createdAt'>;

/** Array.sort comparator putting records in the same order as the SQL: latest first. */
export function latestInductionRecordFirst(a: Ordered, b: Ordered): number {
  if ((a.endDate === null) !== (b.endDate === null)) return a.endDate === null ? -1 : 1;
  const byTime = (x: Date | null, y: Date | null) => (y?.getTime() ?? 0) - (x?.getTime() ?? 0);
  return byTime(a.startDate, b.startDate) || byTime(a.endDate, b.endDate) || byTime(a.createdAt, b.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export interface LatestRecordFilter {
  /** Only records through a partnership with this lead provider. */
  leadProviderId?: string;
  /** Only records on this schedule. */
  scheduleId?: string;
  /** Only records that started on or before this moment. */
  startedBy?: Date;
  /** Only records whose partnership has not been challenged (what the API lists). */
  unchallengedOnly?: boolean;
}

/** The id of the participant's latest induction record among those the filter keeps (Induction::FindBy), or null. */
export async function latestInductionRecordIdFor(tx: Tx, participantProfileId: string, filter: LatestRecordFilter = {}): Promise<string | null> {
  const throughPartnership = filter.leadProviderId !== undefined || filter.unchallengedOnly;
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT ir.id FROM induction_records ir
    ${throughPartnership ? Prisma.sql`JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId" JOIN partnerships pa ON pa.id = ip."partnershipId"` : Prisma.empty}
    WHERE ir."participantProfileId" = ${participantProfileId}::uuid
      ${filter.leadProviderId ? Prisma.sql`AND pa."leadProviderId" = ${filter.leadProviderId}::uuid` : Prisma.empty}
      ${filter.unchallengedOnly ? Prisma.sql`AND ${unchallengedPartnershipSql('pa')}` : Prisma.empty}
      ${filter.scheduleId ? Prisma.sql`AND ir."scheduleId" = ${filter.scheduleId}::uuid` : Prisma.empty}
      ${filter.startedBy ? Prisma.sql`AND ir."startDate" <= ${filter.startedBy}` : Prisma.empty}
    ORDER BY ${LATEST_INDUCTION_RECORD_ORDER}
    LIMIT 1`);
  return rows[0]?.id ?? null;
}

/** The participant's latest induction record among those the filter keeps, or null. */
export async function latestInductionRecordFor(tx: Tx, participantProfileId: string, filter: LatestRecordFilter = {}): Promise<InductionRecord | null> {
  const id = await latestInductionRecordIdFor(tx, participantProfileId, filter);
  return id ? tx.inductionRecord.findUnique({ where: { id } }) : null;
}
