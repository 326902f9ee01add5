// Writes the staged flags that differ from the stored ones, and records every changed school's before
// and after flags in one audit event built by PostgreSQL: a first import changes some 22,000 schools,
// and an event per school would double the work of the import itself.
import type pg from 'pg';
import { actorId, actorLabel, type ActorContext } from '../../actor.js';
import type { AuditEntry } from '../../audit.js';
import { ActionError } from '../../errors.js';
import { NEEDS_WRITE, STAGED } from './stage-pupil-premium.js';

export const FLAGS_CHANGED = 'pupil_premium.flags_changed';
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

  const schools = (pupilPremium: string, sparsity: string, filter: string) => `
    jsonb_build_object('startYear', $1::int, 'format', $2::text, 'schools', coalesce(
      jsonb_object_agg(urn, "${pupilPremium}"::int || ',' || "${sparsity}"::int) FILTER (WHERE ${filter}),
      '{}'::jsonb))`;
  await client.query(`
    INSERT INTO audit_events (id, "actorType", "actorId", "actorLabel", action, "subjectType", "subjectId", before, after, reason, "createdAt")
    SELECT gen_random_uuid(), $3::"ActorType", $4, $5, $6, 'Cohort', $7,
      ${schools('wasPupilPremium', 'wasSparsity', `"existingId" IS NOT NULL`)}, ${schools('pupilPremium', 'sparsity', 'true')}, $8, ${NOW}
    FROM ${STAGED}
    WHERE ${NEEDS_WRITE}`,
  [startYear, FLAGS_FORMAT, ctx.actor.kind, actorId(ctx.actor), actorLabel(ctx.actor), FLAGS_CHANGED, cohortId, reason]);
}

/** recordAudit's event, on this connection (recordAudit needs Prisma's transaction client). */
export async function recordAuditOn(client: pg.Client, ctx: ActorContext, entry: AuditEntry): Promise<void> {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  await client.query(`
    INSERT INTO audit_events (id, "actorType", "actorId", "actorLabel", action, "subjectType", "subjectId", before, after, reason, "createdAt")
    VALUES (gen_random_uuid(), $1::"ActorType", $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, ${NOW})`,
  [ctx.actor.kind, actorId(ctx.actor), actorLabel(ctx.actor), entry.action, entry.subjectType, entry.subjectId,
    json(entry.before), json(entry.after), entry.reason ?? null]);
}
