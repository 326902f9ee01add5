// The programme a participant trains on with a given lead provider and delivery partner at a school
// (the DfE's TransferAndContinueExistingFip): the school's live partnership with them, or else a relationship
// partnership made for this participant, which never blocks another provider (Induction::CreateRelationship).
import type { InductionProgramme, Partnership, SchoolCohort } from '@prisma/client';
import type { Tx } from '../../../db/client.js';
import { ActionError } from '../../errors.js';
import { UNCHALLENGED_PARTNERSHIP } from '../../../rules/unchallenged-partnership.js';

export const CHALLENGED_AT_SCHOOL =
  'The school has challenged its partnership with this lead provider and delivery partner for the cohort, so the participant cannot train with them there.';

export interface ProviderProgramme {
  programme: InductionProgramme;
  partnership: Partnership;
  /** True when a relationship partnership was made for this change. */
  createdRelationship: boolean;
}

export async function providerProgrammeAt(
  tx: Tx,
  schoolCohort: SchoolCohort,
  parties: { leadProviderId: string; deliveryPartnerId: string },
  now: Date,
): Promise<ProviderProgramme> {
  const key = { schoolId: schoolCohort.schoolId, cohortId: schoolCohort.cohortId, ...parties };
  let partnership = await tx.partnership.findFirst({ where: { ...key, ...UNCHALLENGED_PARTNERSHIP, pending: false }, orderBy: { relationship: 'asc' } });
  let createdRelationship = false;
  if (!partnership) {
    if (await tx.partnership.count({ where: key })) throw new ActionError('INVALID_STATE', CHALLENGED_AT_SCHOOL);
    partnership = await tx.partnership.create({ data: { ...key, relationship: true, challengeDeadline: now } });
    createdRelationship = true;
  }
  const programme =
    (await tx.inductionProgramme.findFirst({
      where: { schoolCohortId: schoolCohort.id, trainingProgramme: 'full_induction_programme', partnershipId: partnership.id },
      orderBy: { createdAt: 'asc' },
    })) ??
    (await tx.inductionProgramme.create({
      data: { schoolCohortId: schoolCohort.id, trainingProgramme: 'full_induction_programme', partnershipId: partnership.id },
    }));
  return { programme, partnership, createdRelationship };
}
