// Who sees a participant follows every change to the records, programmes and partnerships behind them,
// in the same transaction (the list is read from lead_provider_participants, kept by database triggers).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { systemContext } from '../../src/actions/actor.js';
import { challengePartnership } from '../../src/actions/partnerships/challenge-partnership.js';
import { db } from '../../src/db/client.js';
import { createParticipant, createParticipantWorld, createPartnership, createSchedule, type ParticipantWorld } from '../support/factories.js';
import { createToken, startApi, type ApiClient } from './support/api-client.js';

let a: ParticipantWorld;
let b: ParticipantWorld;
let apiA: ApiClient;
let apiB: ApiClient;

beforeAll(async () => {
  a = await createParticipantWorld(2024);
  b = await createParticipantWorld(2024, { cohort: a.cohort, schedule: a.schedule });
  apiA = await startApi(await createToken(a.leadProvider));
  apiB = await startApi(await createToken(b.leadProvider));
});
afterAll(async () => {
  await apiA.close();
  await apiB.close();
});

const listed = async (api: ApiClient, query = '') => (await api.get(`/participants/ecf?page[per_page]=3000${query}`)).body.data.map((p: { id: string }) => p.id);

describe('participant visibility', () => {
  it('goes when the school challenges the partnership, and follows the programme to another provider', async () => {
    const world = await createParticipantWorld(2024, { cohort: a.cohort, schedule: a.schedule, leadProvider: a.leadProvider, deliveryPartner: a.deliveryPartner });
    const participant = await createParticipant(world);
    expect(await listed(apiA)).toContain(participant.teacher.id);

    await db().partnership.update({ where: { id: world.partnership.id }, data: { challengedAt: new Date(), challengeReason: 'mistake' } });
    expect(await listed(apiA)).not.toContain(participant.teacher.id);

    const partnershipB = await createPartnership({ school: world.school, leadProvider: b.leadProvider, deliveryPartner: b.deliveryPartner, cohort: a.cohort });
    await db().inductionProgramme.update({ where: { id: world.programme.id }, data: { partnershipId: partnershipB.id } });
    expect(await listed(apiB)).toContain(participant.teacher.id);
    expect(await listed(apiA)).not.toContain(participant.teacher.id);
  });

  it('goes when the partnership is challenged through the action', async () => {
    const world = await createParticipantWorld(2024, { cohort: a.cohort, schedule: a.schedule, leadProvider: a.leadProvider, deliveryPartner: a.deliveryPartner });
    const participant = await createParticipant(world);
    await challengePartnership(systemContext('test'), { partnershipId: world.partnership.id, reason: 'mistake', confirmed: true });
    expect(await listed(apiA)).not.toContain(participant.teacher.id);
    expect((await apiA.get(`/participants/ecf/${participant.teacher.id}`)).status).toBe(404);
  });

  it('follows the latest record: its cohort, its training status, and a deleted record', async () => {
    const participant = await createParticipant(a);
    const cohort2025 = await db().cohort.create({
      data: { startYear: 2025, registrationStartDate: new Date('2025-05-10'), academicYearStartDate: new Date('2025-09-01'), automaticAssignmentPeriodEndDate: new Date('2026-03-31') },
    });
    const schedule2025 = await createSchedule(cohort2025);
    const newer = await db().inductionRecord.create({
      data: { inductionProgrammeId: a.programme.id, participantProfileId: participant.profile.id, scheduleId: schedule2025.id, startDate: new Date('2025-09-01'), trainingStatus: 'deferred' },
    });
    expect(await listed(apiA, '&filter[cohort]=2025&filter[training_status]=deferred')).toContain(participant.teacher.id);
    expect(await listed(apiA, '&filter[cohort]=2024')).not.toContain(participant.teacher.id);

    await db().inductionRecord.delete({ where: { id: newer.id } });
    expect(await listed(apiA, '&filter[cohort]=2024&filter[training_status]=active')).toContain(participant.teacher.id);
    expect(await listed(apiA, '&filter[cohort]=2025')).not.toContain(participant.teacher.id);
  });

  it('stays right when two transactions add records for the same participant at once', async () => {
    const participant = await createParticipant(a);
    const record = (programmeId: string, startDate: string) => ({
      inductionProgrammeId: programmeId, participantProfileId: participant.profile.id, scheduleId: a.schedule.id, startDate: new Date(startDate),
    });
    await Promise.all([
      db().$transaction(async (tx) => {
        await tx.inductionRecord.create({ data: record(a.programme.id, '2025-01-01') });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }),
      db().$transaction(async (tx) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await tx.inductionRecord.create({ data: record(b.programme.id, '2025-02-01') });
      }),
    ]);
    const rows = await db().leadProviderParticipant.findMany({ where: { participantProfileId: participant.profile.id }, orderBy: { leadProviderId: 'asc' } });
    expect(rows.map((r) => r.leadProviderId).sort()).toEqual([a.leadProvider.id, b.leadProvider.id].sort());
    expect(await listed(apiA)).toContain(participant.teacher.id);
    expect(await listed(apiB)).toContain(participant.teacher.id);
  });
});
