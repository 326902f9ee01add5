// Everything support needs about one person on one page: identity, each profile (ECT, mentor) with where it
// trains, its induction record history, provider status changes, declarations with their state history and
// statements, and the audit events about any of them. Small per person, so plain Prisma reads.
import { latestInductionRecordFirst } from '../../rules/latest-induction-record.js';
import { shownWithdrawalReason } from '../../rules/programme-type-names.js';
import { db } from '../../db/client.js';

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
const time = (d: Date | null) => d?.toISOString() ?? null;

export type ParticipantRecord = NonNullable<Awaited<ReturnType<typeof participantRecord>>>;

export async function participantRecord(teacherId: string) {
  const teacher = await db().teacher.findUnique({ where: { id: teacherId } });
  if (!teacher) return null;
  const profiles = await db().participantProfile.findMany({
    where: { teacherId },
    orderBy: [{ type: 'asc' }, { createdAt: 'asc' }],
    include: {
      cohort: true,
      schedule: true,
      schoolCohort: { include: { school: true } },
      mentorProfile: { include: { teacher: true } },
      inductionRecords: {
        include: {
          schedule: true,
          inductionProgramme: {
            include: { partnership: { include: { leadProvider: true, deliveryPartner: true } }, schoolCohort: { include: { school: true, cohort: true } } },
          },
        },
      },
      states: { orderBy: { createdAt: 'desc' }, include: { cpdLeadProvider: true } },
      declarations: {
        orderBy: [{ declarationDate: 'asc' }, { createdAt: 'asc' }],
        include: {
          cpdLeadProvider: true,
          deliveryPartner: true,
          states: { orderBy: { createdAt: 'asc' } },
          lineItems: { orderBy: { createdAt: 'asc' }, include: { statement: true } },
        },
      },
    },
  });
  const subjects = [teacher.id, ...profiles.map((p) => p.id), ...profiles.flatMap((p) => p.declarations.map((d) => d.id))];
  const audit = await db().auditEvent.findMany({ where: { subjectId: { in: subjects } }, orderBy: { createdAt: 'desc' }, take: 200 });

  return {
    teacher: {
      id: teacher.id,
      fullName: teacher.fullName,
      email: teacher.email,
      trn: teacher.trn,
      dateOfBirth: day(teacher.dateOfBirth),
      nationalInsuranceNumber: teacher.nationalInsuranceNumber,
      createdAt: time(teacher.createdAt),
    },
    profiles: profiles.map((p) => {
      // Latest first, so the first is the one the profile trains under now.
      const inductionRecords = [...p.inductionRecords].sort(latestInductionRecordFirst);
      const current = inductionRecords[0];
      const partnership = current?.inductionProgramme.partnership ?? null;
      return {
        id: p.id,
        type: p.type,
        status: p.status,
        trainingStatus: p.trainingStatus,
        archivedAt: time(p.archivedAt),
        notes: p.notes,
        cohort: p.cohort.startYear,
        schedule: p.schedule.scheduleIdentifier,
        school: { id: p.schoolCohort.school.id, name: p.schoolCohort.school.name, urn: p.schoolCohort.school.urn },
        mentor: p.mentorProfile ? { teacherId: p.mentorProfile.teacherId, fullName: p.mentorProfile.teacher.fullName } : null,
        leadProvider: partnership ? { id: partnership.leadProviderId, name: partnership.leadProvider.name } : null,
        deliveryPartner: partnership ? { id: partnership.deliveryPartnerId, name: partnership.deliveryPartner.name } : null,
        eligibility: { status: p.eligibilityStatus, reason: p.eligibilityReason, trnValidation: p.trnValidationState, duplicity: p.profileDuplicity },
        uplifts: { pupilPremium: p.pupilPremiumUplift, sparsity: p.sparsityUplift },
        induction: { start: day(p.inductionStartDate), completion: day(p.inductionCompletionDate), mentorCompletion: day(p.mentorCompletionDate) },
        cohortChangedAfterPaymentsFrozen: p.cohortChangedAfterPaymentsFrozen,
        inductionRecords: inductionRecords.map((r) => ({
          id: r.id,
          startDate: time(r.startDate),
          endDate: time(r.endDate),
          inductionStatus: r.inductionStatus,
          trainingStatus: r.trainingStatus,
          schoolTransfer: r.schoolTransfer,
          school: `${r.inductionProgramme.schoolCohort.school.name} (${r.inductionProgramme.schoolCohort.school.urn})`,
          cohort: r.inductionProgramme.schoolCohort.cohort.startYear,
          programme: r.inductionProgramme.trainingProgramme,
          schedule: r.schedule.scheduleIdentifier,
          leadProviderId: r.inductionProgramme.partnership?.leadProviderId ?? null,
          leadProvider: r.inductionProgramme.partnership?.leadProvider.name ?? null,
          deliveryPartner: r.inductionProgramme.partnership?.deliveryPartner.name ?? null,
          relationship: r.inductionProgramme.partnership?.relationship ?? false,
        })),
        statusChanges: p.states.map((s) => ({ state: s.state, reason: s.state === 'withdrawn' ? shownWithdrawalReason(s.reason) : s.reason, leadProvider: s.cpdLeadProvider?.name ?? null, at: time(s.createdAt) })),
        declarations: p.declarations.map((d) => ({
          id: d.id,
          declarationType: d.declarationType.replace('_', '-'),
          declarationDate: time(d.declarationDate),
          state: d.state,
          leadProvider: d.cpdLeadProvider.name,
          deliveryPartner: d.deliveryPartner?.name ?? null,
          evidenceHeld: d.evidenceHeld,
          history: d.states.map((s) => ({ state: s.state, reason: s.stateReason, at: time(s.createdAt) })),
          statements: d.lineItems.map((li) => ({ id: li.statementId, name: li.statement.name, state: li.state, statementState: li.statement.state })),
        })),
      };
    }),
    audit: audit.map((e) => ({
      at: time(e.createdAt),
      actor: e.actorLabel,
      action: e.action,
      subjectType: e.subjectType,
      reason: e.reason,
      before: e.before,
      after: e.after,
    })),
  };
}
