// A school not yet set up for the cohort a payment-frozen participant moves into is set up there the
// DfE's way (Induction::AmendParticipantCohort#find_or_create_target_school_cohort): the school cohort
// (created if missing) becomes a full induction programme with a new default programme, partnered with
// last year's default lead provider and delivery partner when they work together in the new cohort.
// No emails are sent: the school did not report anything.
import type { Cohort, School, SchoolCohort } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { isUnchallenged } from '../../../rules/unchallenged-partnership.js';

export interface SchoolCohortSetUp {
  schoolId: string;
  cohortId: string;
  /** The school's cohort when it exists without a default programme; null when it must be created. */
  existingSchoolCohortId: string | null;
  /** Who the new programme is partnered with; null when last year's pair has no relationship in the cohort. */
  partnership: { leadProviderId: string; deliveryPartnerId: string } | null;
}

/** SchoolCohort#default_partnership of the year before: the default programme's partnership, unless challenged. */
async function previousDefaultPartnership(tx: Tx, schoolId: string, startYear: number) {
  const previous = await tx.schoolCohort.findFirst({
    where: { schoolId, cohort: { startYear: startYear - 1 } },
    include: { defaultInductionProgramme: { include: { partnership: true } } },
  });
  const partnership = previous?.defaultInductionProgramme?.partnership;
  return partnership && isUnchallenged(partnership) ? partnership : null;
}

/** What setting the school up would do (reads only), so a preview shows what the move does. */
export async function planSchoolCohortSetUp(
  tx: Tx,
  { school, cohort, schoolCohort }: { school: Pick<School, 'id'>; cohort: Pick<Cohort, 'id' | 'startYear'>; schoolCohort: SchoolCohort | null },
): Promise<SchoolCohortSetUp> {
  const last = await previousDefaultPartnership(tx, school.id, cohort.startYear);
  const related =
    last &&
    (await tx.providerRelationship.findFirst({
      where: { leadProviderId: last.leadProviderId, deliveryPartnerId: last.deliveryPartnerId, cohortId: cohort.id, discardedAt: null },
    }));
  return {
    schoolId: school.id,
    cohortId: cohort.id,
    existingSchoolCohortId: schoolCohort?.id ?? null,
    partnership: last && related ? { leadProviderId: last.leadProviderId, deliveryPartnerId: last.deliveryPartnerId } : null,
  };
}

/** Carries out a planned set-up; returns the school cohort and its new default programme. */
export async function setUpSchoolCohort(tx: Tx, setUp: SchoolCohortSetUp): Promise<{ schoolCohortId: string; inductionProgrammeId: string }> {
  const { schoolId, cohortId } = setUp;
  const schoolCohort = setUp.existingSchoolCohortId
    ? { id: setUp.existingSchoolCohortId }
    : await tx.schoolCohort.create({ data: { schoolId, cohortId, inductionProgrammeChoice: 'full_induction_programme' } });
  const partnership = setUp.partnership
    ? await tx.partnership.upsert({
        where: { schoolId_leadProviderId_cohortId_deliveryPartnerId: { schoolId, cohortId, ...setUp.partnership } },
        create: { schoolId, cohortId, ...setUp.partnership },
        update: {},
      })
    : null;
  const programme = await tx.inductionProgramme.create({
    data: { schoolCohortId: schoolCohort.id, trainingProgramme: 'full_induction_programme', partnershipId: partnership?.id ?? null },
  });
  await tx.schoolCohort.update({
    where: { id: schoolCohort.id },
    data: { inductionProgrammeChoice: 'full_induction_programme', defaultInductionProgrammeId: programme.id },
  });
  return { schoolCohortId: schoolCohort.id, inductionProgrammeId: programme.id };
}
