// What confirming a partnership does, whether newly reported or re-reported with another delivery partner
// (the DfE's Partnerships::Report, app/services/partnerships/report.rb). Runs inside the caller's transaction, after its checks.
import { randomUUID } from 'node:crypto';
import type { Cohort, Partnership } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { challengeDeadline } from './challenge-deadline.js';
import { emailSchoolAboutReportedPartnership, type PartnershipWithParties } from './partnership-emails.js';
import { placeParticipantsOnPartnership, type PlacementResult } from './place-participants-on-partnership.js';
import { auditEvents } from '../audit/events.js';

export interface ReportedPartnership {
  schoolId: string;
  cohort: Cohort;
  leadProviderId: string;
  deliveryPartnerId: string;
}

export interface ReportResult {
  partnership: PartnershipWithParties;
  placement: PlacementResult;
}

const parties = { school: true, leadProvider: true, deliveryPartner: true, cohort: true } as const;

/**
 * The row a report lands on: a relationship partnership with the same delivery partner (converted), else the
 * lead provider's partnership with the school for the cohort (revived if challenged), else a new one.
 */
async function findReportedRow(tx: Tx, r: ReportedPartnership): Promise<Partnership | null> {
  const scope = { schoolId: r.schoolId, cohortId: r.cohort.id, leadProviderId: r.leadProviderId };
  return (
    (await tx.partnership.findFirst({ where: { ...scope, deliveryPartnerId: r.deliveryPartnerId, relationship: true } })) ??
    (await tx.partnership.findFirst({ where: { ...scope, relationship: false }, orderBy: { createdAt: 'asc' } }))
  );
}

/** `existing` is the partnership being changed (PUT); without it the row is found as the DfE does (POST). */
export async function reportPartnership(
  tx: Tx,
  ctx: ActorContext,
  reported: ReportedPartnership,
  existing: Partnership | null = null,
  now = new Date(),
): Promise<ReportResult> {
  const before = existing ?? (await findReportedRow(tx, reported));
  const fields = {
    deliveryPartnerId: reported.deliveryPartnerId,
    relationship: false,
    pending: false,
    challengedAt: null,
    challengeReason: null,
    reportId: randomUUID(),
    challengeDeadline: challengeDeadline(now, reported.cohort.academicYearStartDate),
  };
  const saved = before
    ? await tx.partnership.update({ where: { id: before.id }, data: fields })
    : await tx.partnership.create({
        data: { ...fields, schoolId: reported.schoolId, cohortId: reported.cohort.id, leadProviderId: reported.leadProviderId },
      });

  const schoolCohort =
    (await tx.schoolCohort.findUnique({ where: { schoolId_cohortId: { schoolId: reported.schoolId, cohortId: reported.cohort.id } } })) ??
    (await tx.schoolCohort.create({
      data: { schoolId: reported.schoolId, cohortId: reported.cohort.id, inductionProgrammeChoice: 'full_induction_programme' },
    }));
  const placement = await placeParticipantsOnPartnership(tx, schoolCohort, saved, now);

  await recordAudit(tx, ctx, auditEvents.partnershipReported({
    subjectId: saved.id,
    before: before
      ? {
          deliveryPartnerId: before.deliveryPartnerId,
          relationship: before.relationship,
          challengedAt: before.challengedAt,
          challengeReason: before.challengeReason,
          challengeDeadline: before.challengeDeadline,
        }
      : undefined,
    after: { ...fields, schoolCohortId: schoolCohort.id, ...placement },
  }));

  const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: saved.id }, include: parties });
  await emailSchoolAboutReportedPartnership(tx, partnership);
  return { partnership, placement };
}
