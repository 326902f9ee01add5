import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { findSchoolCohorts, partnershipState } from '../../../src/actions/partnerships/find-school-cohorts.js';
import { createCohort, createDeliveryPartner, createLeadProvider, createParticipantWorld, createPartnership } from '../../support/factories.js';

describe('findSchoolCohorts (the Cohorts tab)', () => {
  it('shows each cohort with its programme, appropriate body, active provider and every partnership with its state', async () => {
    const world = await createParticipantWorld(2024);
    const body = await db().appropriateBody.create({ data: { name: 'Oak Teaching School Hub', bodyType: 'teaching_school_hub' } });
    await db().schoolCohort.update({ where: { id: world.schoolCohort.id }, data: { appropriateBodyId: body.id } });
    const former = await createLeadProvider({ cohorts: [world.cohort] });
    const challenged = await createPartnership({ ...world, leadProvider: former, deliveryPartner: await createDeliveryPartner() }, {
      challengedAt: new Date('2024-09-20T10:00:00Z'), challengeReason: 'another_provider',
    });
    const relationship = await createPartnership({ ...world, deliveryPartner: await createDeliveryPartner() }, { relationship: true });
    const c2025 = await createCohort(2025);
    await createPartnership({ ...world, cohort: c2025 });

    const [next, current] = await findSchoolCohorts(world.school.id);
    expect(next).toMatchObject({ startYear: 2025, academicYear: '2025/26', schoolCohortId: null, inductionProgrammeLabel: 'Not yet decided', leadProvider: { id: world.leadProvider.id } });
    expect(current).toMatchObject({
      startYear: 2024,
      inductionProgrammeChoice: 'full_induction_programme',
      inductionProgrammeLabel: 'Use a training provider funded by the DfE',
      appropriateBody: { id: body.id, name: 'Oak Teaching School Hub', source: 'school' },
      leadProvider: { id: world.leadProvider.id, name: world.leadProvider.name },
      deliveryPartner: { id: world.deliveryPartner.id },
    });
    expect(current.partnerships.map((p) => [p.id, p.state, p.challengeReasonLabel])).toEqual([
      [world.partnership.id, 'active', null],
      [challenged.id, 'challenged', 'I have already confirmed an agreement with another provider'],
      [relationship.id, 'relationship', null],
    ]);
  });

  it('names partnership states, challenged first', () => {
    const base = { challengedAt: null, challengeReason: null, relationship: false, pending: false };
    expect(partnershipState(base)).toBe('active');
    expect(partnershipState({ ...base, pending: true })).toBe('pending');
    expect(partnershipState({ ...base, relationship: true })).toBe('relationship');
    expect(partnershipState({ ...base, relationship: true, challengeReason: 'mistake', challengedAt: new Date() })).toBe('challenged');
  });
});
