// How the move depends on the destination cohort's own set-up. These tests build that set-up step by
// step in one database, so they run in order: no 2024 cohort, then no schedules, then only the standard one.
import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { moveFromFrozenCohort } from '../../../src/actions/participants/move-from-frozen-cohort.js';
import { createCohort, createDeclaration, createFipProgramme, createParticipant, createParticipantWorld, createSchedule, createSchoolCohort, userContext } from '../../support/factories.js';
import { PAYMENTS_FROZEN_AT } from './move-from-frozen-cohort-world.js';

const superUser = userContext('super_user');
const reason = 'Continuing training';

async function unfinishedParticipant() {
  const source = await createParticipantWorld(2021, { cohort: await createCohort(2021, { paymentsFrozenAt: PAYMENTS_FROZEN_AT }) });
  const participant = await createParticipant(source);
  await createDeclaration(participant, source.leadProvider);
  return { source, participant };
}

describe('moveFromFrozenCohort and the destination cohort', () => {
  it('refuses when the 2024 cohort is not set up on the service', async () => {
    const { participant } = await unfinishedParticipant();
    await expect(moveFromFrozenCohort(superUser, { participantProfileId: participant.profile.id, reason })).rejects.toMatchObject({
      fieldErrors: [{ field: 'target_cohort', message: 'starting on 2024 not setup on the service' }],
    });
    expect(await db().auditEvent.count()).toBe(0);
  });

  it('refuses when the 2024 cohort has no schedule to move onto', async () => {
    const { source, participant } = await unfinishedParticipant();
    await createFipProgramme(await createSchoolCohort(source.school, await createCohort(2024)), null);
    await expect(moveFromFrozenCohort(superUser, { participantProfileId: participant.profile.id, reason })).rejects.toMatchObject({
      message: 'Validation failed: Schedule must exist',
    });
    expect(await db().auditEvent.count()).toBe(0);
  });

  it('falls back to the standard September schedule when the extended one is missing', async () => {
    const { source, participant } = await unfinishedParticipant();
    const cohort2024 = await createCohort(2024);
    await createFipProgramme(await createSchoolCohort(source.school, cohort2024), null);
    const standard = await createSchedule(cohort2024, 'ecf-standard-september');
    await moveFromFrozenCohort(superUser, { participantProfileId: participant.profile.id, reason });
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: participant.profile.id } })).toMatchObject({ scheduleId: standard.id, cohortId: cohort2024.id });
  });
});
