// What reporting a partnership does to a school cohort's induction programmes (the DfE's
// Induction::ChangePartnership): the school's provider-led training now runs through this partnership,
// and participants left without a (live) partnership move onto it.
import type { Partnership, SchoolCohort } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import { CHALLENGED_PARTNERSHIP, isUnchallenged } from '../../rules/unchallenged-partnership.js';
import { activeInductionRecordWhere, moveActiveInductionRecords } from './induction-records.js';

export interface PlacementResult {
  defaultInductionProgrammeId: string;
  /** Whether the default programme or the school's programme choice changed. */
  changed: boolean;
  movedInductionRecords: number;
}

export async function placeParticipantsOnPartnership(
  tx: Tx,
  schoolCohort: SchoolCohort,
  partnership: Partnership,
  now: Date,
): Promise<PlacementResult> {
  const current = schoolCohort.defaultInductionProgrammeId
    ? await tx.inductionProgramme.findUnique({ where: { id: schoolCohort.defaultInductionProgrammeId }, include: { partnership: true } })
    : null;
  const newFipProgramme = () =>
    tx.inductionProgramme.create({
      data: { schoolCohortId: schoolCohort.id, trainingProgramme: 'full_induction_programme', partnershipId: partnership.id },
    });

  let moved = 0;
  let defaultId: string;
  if (current?.trainingProgramme === 'full_induction_programme') {
    if (current.partnershipId === null) {
      // The school chose provider-led training before any provider reported it: this is that partnership.
      await tx.inductionProgramme.update({ where: { id: current.id }, data: { partnershipId: partnership.id } });
      defaultId = current.id;
    } else if (current.partnershipId !== partnership.id && current.partnership !== null && !isUnchallenged(current.partnership)) {
      const programme = await newFipProgramme();
      moved += await moveActiveInductionRecords(tx, current.id, programme.id, now);
      await tx.schoolCohort.update({ where: { id: schoolCohort.id }, data: { defaultInductionProgrammeId: programme.id } });
      defaultId = programme.id;
    } else {
      // Already on this partnership, or on another live one: nothing to change.
      return { defaultInductionProgrammeId: current.id, changed: false, movedInductionRecords: 0 };
    }
  } else {
    // No programme yet, or a school-led one: the school is now provider-led with this partnership.
    const programme = await newFipProgramme();
    if (current) moved += await moveActiveInductionRecords(tx, current.id, programme.id, now);
    await tx.schoolCohort.update({
      where: { id: schoolCohort.id },
      data: { inductionProgrammeChoice: 'full_induction_programme', optOutOfUpdates: false, defaultInductionProgrammeId: programme.id },
    });
    defaultId = programme.id;
  }

  const stranded = await tx.inductionProgramme.findMany({
    where: {
      schoolCohortId: schoolCohort.id,
      trainingProgramme: 'full_induction_programme',
      id: { not: defaultId },
      OR: [{ partnershipId: null }, { partnership: CHALLENGED_PARTNERSHIP }],
      inductionRecords: { some: activeInductionRecordWhere(now) },
    },
    select: { id: true },
  });
  for (const programme of stranded) moved += await moveActiveInductionRecords(tx, programme.id, defaultId, now);

  return { defaultInductionProgrammeId: defaultId, changed: true, movedInductionRecords: moved };
}
