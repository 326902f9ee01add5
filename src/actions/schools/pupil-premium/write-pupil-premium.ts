// Writes the staged flags that differ from the stored ones, and records every changed school's before
// and after flags in one audit event built by PostgreSQL: a first import changes some 22,000 schools,
// and an event per school would double the work of the import itself.
import { Prisma } from '@prisma/client';
import type pg from 'pg';
import type { ActorContext } from '../../actor.js';
import { auditEventsFromRowsSql, writeAuditSql } from '../../audit/record-audit.js';
import { ActionError } from '../../errors.js';
import { NEEDS_WRITE, STAGED } from './stage-pupil-premium.js';

/** How the event lists schools: URN -> "1,0" (pupil premium, then sparsity, as in the DfE's file). */
export const FLAGS_FORMAT = 'URN: Pupil Premium Incentive,Sparsity Incentive';

/** Timestamps as Prisma stores them: UTC in `timestamp without time zone` columns. */
const NOW = `(now() AT TIME ZONE 'UTC')`;

interface Target {
  startYear: number;
  cohortId: string;
  /** Created plus updated, from the comparison: anything else means the flags moved under us. */
  expectedChanges: number;
  reason: string;
}

export async function writePupilPremium(client: pg.Client, ctx: ActorContext, { startYear, cohortId, expectedChanges, reason }: Target): Promise<void> {
  const { rowCount: written } = await client.query(`
    INSERT INTO pupil_premiums (id, "schoolId", "startYear", "pupilPremiumIncentive", "sparsityIncentive", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), "schoolId", $1, "pupilPremium", "sparsity", ${NOW}, ${NOW}
    FROM ${STAGED}
    WHERE ${NEEDS_WRITE}
    ON CONFLICT ("schoolId", "startYear") DO UPDATE
    SET "pupilPremiumIncentive" = EXCLUDED."pupilPremiumIncentive", "sparsityIncentive" = EXCLUDED."sparsityIncentive", "updatedAt" = ${NOW}
    WHERE (pupil_premiums."pupilPremiumIncentive", pupil_premiums."sparsityIncentive")
      IS DISTINCT FROM (EXCLUDED."pupilPremiumIncentive", EXCLUDED."sparsityIncentive")`, [startYear]);
  if (written !== expectedChanges) {
    // Someone changed a school's flags for this year between the comparison and the write.
    throw new ActionError('CONFLICT', 'Pupil premium flags changed while this import ran, so nothing was imported. Preview the file again.');
  }
  if (written === 0) return;

  const schools = (pupilPremium: string, sparsity: string, filter: string) => Prisma.sql`
    jsonb_build_object('startYear', ${startYear}::int, 'format', ${FLAGS_FORMAT}::text, 'schools', coalesce(
      jsonb_object_agg(urn, ${Prisma.raw(`"${pupilPremium}"::int || ',' || "${sparsity}"::int) FILTER (WHERE ${filter}`)}),
      '{}'::jsonb))`;
  await writeAuditSql(client, auditEventsFromRowsSql(ctx, 'pupil_premium.flags_changed', 'Cohort', Prisma.sql`
    SELECT ${cohortId}::text AS "subjectId", ${schools('wasPupilPremium', 'wasSparsity', `"existingId" IS NOT NULL`)} AS before,
           ${schools('pupilPremium', 'sparsity', 'true')} AS after, ${reason}::text AS reason
      FROM ${Prisma.raw(STAGED)}
     WHERE ${Prisma.raw(NEEDS_WRITE)}`));
}
