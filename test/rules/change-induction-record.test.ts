// The DfE's "change induction record" step (src/rules/change-induction-record.ts): history kept for a record
// that has started, an edit in place for one that has not, and a transfer's flag handed to the copy.
import { describe, expect, it } from '@jest/globals';
import { db } from '../../src/db/client.js';
import { changeInductionRecord } from '../../src/rules/change-induction-record.js';
import { createParticipant, createParticipantWorld } from '../support/factories.js';

const now = new Date('2026-03-01T12:00:00Z');

describe('changeInductionRecord', () => {
  it('closes a started record as changed and starts a copy now carrying the change', async () => {
    const world = await createParticipantWorld(2024);
    const { profile, inductionRecord } = await createParticipant(world);
    await db().inductionRecord.update({ where: { id: inductionRecord.id }, data: { preferredEmail: 'kept@example.com' } });
    const started = await db().inductionRecord.findUniqueOrThrow({ where: { id: inductionRecord.id }, include: { inductionProgramme: true } });

    const current = await db().$transaction((tx) => changeInductionRecord(tx, started, { trainingStatus: 'deferred' }, now));

    const records = await db().inductionRecord.findMany({ where: { participantProfileId: profile.id }, orderBy: { startDate: 'asc' } });
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ id: inductionRecord.id, inductionStatus: 'changed', endDate: now, trainingStatus: 'active' });
    expect(records[1]).toMatchObject({
      id: current.id, startDate: now, endDate: null, inductionStatus: 'active', trainingStatus: 'deferred',
      inductionProgrammeId: world.programme.id, scheduleId: world.schedule.id, preferredEmail: 'kept@example.com', schoolTransfer: false,
    });
  });

  it('edits a record that starts in the future in place', async () => {
    const world = await createParticipantWorld(2024);
    const { profile, inductionRecord } = await createParticipant(world, { startDate: new Date('2026-09-01T00:00:00Z') });
    const otherProgramme = await db().inductionProgramme.create({
      data: { schoolCohortId: world.schoolCohort.id, trainingProgramme: 'full_induction_programme', partnershipId: world.partnership.id },
    });

    const current = await db().$transaction((tx) => changeInductionRecord(tx, inductionRecord, { inductionProgrammeId: otherProgramme.id }, now));

    expect(current.id).toBe(inductionRecord.id);
    const records = await db().inductionRecord.findMany({ where: { participantProfileId: profile.id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ inductionProgrammeId: otherProgramme.id, inductionStatus: 'active', endDate: null });
  });

  it('hands a leaver’s school-transfer flag and leaving date to the copy', async () => {
    const world = await createParticipantWorld(2024);
    const leavingOn = new Date('2026-04-01T00:00:00Z');
    const { inductionRecord } = await createParticipant(world);
    const leaving = await db().inductionRecord.update({
      where: { id: inductionRecord.id }, data: { inductionStatus: 'leaving', endDate: leavingOn, schoolTransfer: true },
    });

    const current = await db().$transaction((tx) => changeInductionRecord(tx, leaving, { trainingStatus: 'withdrawn' }, now));

    expect(await db().inductionRecord.findUniqueOrThrow({ where: { id: leaving.id } })).toMatchObject({ inductionStatus: 'changed', endDate: now, schoolTransfer: false });
    expect(current).toMatchObject({ inductionStatus: 'leaving', startDate: now, endDate: leavingOn, schoolTransfer: true, trainingStatus: 'withdrawn' });
  });
});
