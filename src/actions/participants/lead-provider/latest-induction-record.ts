// "The latest induction record": open-ended first, then the newest start, end and creation
// (InductionRecord.latest). One definition for the actions and for the API's queries.
import { Prisma, type InductionRecord } from '@prisma/client';
import type { Tx } from '../../../db/client.js';

/**
 * ORDER BY terms over an induction_records row aliased `ir`. The database function that keeps
 * lead_provider_participants (migration 20261123193723) orders by the same terms: change both together.
 */
export const LATEST_INDUCTION_RECORD_ORDER = Prisma.sql`(ir."endDate" IS NULL) DESC, ir."startDate" DESC, ir."endDate" DESC, ir."createdAt" DESC, ir.id DESC`;

/** Conditions for "reaches the lead provider through an unchallenged partnership" over `pa`. */
export const unchallengedPartnershipOf = (leadProviderId: string) =>
  Prisma.sql`pa."leadProviderId" = ${leadProviderId}::uuid AND pa."challengedAt" IS NULL AND pa."challengeReason" IS NULL`;

export interface LatestRecordFilter {
  leadProviderId: string;
  /** Only records on this schedule. */
  scheduleId?: string;
  /** Only records that started on or before this moment. */
  startedBy?: Date;
  /** Only records whose partnership has not been challenged (what the API lists). */
  unchallengedOnly?: boolean;
}

/** The participant's latest induction record with this lead provider (Induction::FindBy), or null. */
export async function latestInductionRecordFor(tx: Tx, participantProfileId: string, filter: LatestRecordFilter): Promise<InductionRecord | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT ir.id FROM induction_records ir
    JOIN induction_programmes ip ON ip.id = ir."inductionProgrammeId"
    JOIN partnerships pa ON pa.id = ip."partnershipId"
    WHERE ir."participantProfileId" = ${participantProfileId}::uuid
      AND ${filter.unchallengedOnly ? unchallengedPartnershipOf(filter.leadProviderId) : Prisma.sql`pa."leadProviderId" = ${filter.leadProviderId}::uuid`}
      ${filter.scheduleId ? Prisma.sql`AND ir."scheduleId" = ${filter.scheduleId}::uuid` : Prisma.empty}
      ${filter.startedBy ? Prisma.sql`AND ir."startDate" <= ${filter.startedBy}` : Prisma.empty}
    ORDER BY ${LATEST_INDUCTION_RECORD_ORDER}
    LIMIT 1`);
  return rows.length ? tx.inductionRecord.findUnique({ where: { id: rows[0].id } }) : null;
}
