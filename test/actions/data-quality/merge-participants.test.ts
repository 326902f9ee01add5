import { beforeAll, describe, expect, it } from '@jest/globals';
import { mergeParticipants } from '../../../src/actions/participants/merge-participants.js';
import { findDuplicateParticipants } from '../../../src/actions/participants/find-duplicate-participants.js';
import { compareParticipants } from '../../../src/actions/participants/compare-participants.js';
import { db } from '../../../src/db/client.js';
import { createDeclaration, createParticipant, createParticipantWorld, userContext, type ParticipantWorld } from '../../support/factories.js';
import { auditCount } from '../../api/support/lead-provider.js';

let world: ParticipantWorld;
const support = userContext('support');

beforeAll(async () => {
  world = await createParticipantWorld(2024);
});

/** Two records of one person: both ECTs (to be merged), the duplicate also a mentor (to be moved), with history everywhere. */
async function duplicatePair(trn: string) {
  const kept = await createParticipant(world, { fullName: 'Ada Lovelace', trn });
  const removed = await createParticipant(world, { fullName: 'Ada  lovelace', trn });
  await db().teacher.update({ where: { id: removed.teacher.id }, data: { nationalInsuranceNumber: 'QQ123456C', dateOfBirth: new Date('1990-01-02') } });
  const removedMentor = await db().participantProfile.create({
    data: { type: 'mentor', teacherId: removed.teacher.id, schoolCohortId: world.schoolCohort.id, cohortId: world.cohort.id, scheduleId: world.schedule.id },
  });
  const mentee = await createParticipant(world, { profile: { mentorProfileId: removedMentor.id } });
  await createDeclaration(kept, world.leadProvider, { state: 'eligible' });
  await createDeclaration(removed, world.leadProvider, { state: 'paid', declarationType: 'retained_1' });
  await createDeclaration({ teacher: removed.teacher, profile: removedMentor }, world.leadProvider, { state: 'submitted' });
  const menteeDeclaration = await createDeclaration(mentee, world.leadProvider, { state: 'eligible' });
  await db().declaration.update({ where: { id: menteeDeclaration.id }, data: { mentorTeacherId: removed.teacher.id } });
  await db().participantProfileState.create({ data: { participantProfileId: removed.profile.id, state: 'deferred', reason: 'bereavement' } });
  await db().participantProfile.update({ where: { id: removed.profile.id }, data: { notes: 'Called the school on 3 March' } });
  await db().auditEvent.create({ data: { actorType: 'system', actorLabel: 'test', action: 'teacher.updated', subjectType: 'Teacher', subjectId: removed.teacher.id } });
  return { kept, removed, removedMentor, mentee };
}

/** Every row that points at either teacher or any of their profiles, by table. */
async function holdings(teacherIds: string[]) {
  const [row] = await db().$queryRaw<Record<string, bigint>[]>`
    WITH p AS (SELECT id FROM participant_profiles WHERE "teacherId" = ANY(${teacherIds}::uuid[]))
    SELECT (SELECT count(*) FROM declarations WHERE "teacherId" = ANY(${teacherIds}::uuid[])) AS declarations,
           (SELECT count(*) FROM declarations WHERE "mentorTeacherId" = ANY(${teacherIds}::uuid[])) AS mentored,
           (SELECT count(*) FROM induction_records WHERE "participantProfileId" IN (SELECT id FROM p)) AS induction_records,
           (SELECT count(*) FROM participant_profile_states WHERE "participantProfileId" IN (SELECT id FROM p)) AS states,
           (SELECT count(*) FROM participant_profiles WHERE "mentorProfileId" IN (SELECT id FROM p)) AS mentees,
           (SELECT count(*) FROM participant_profiles WHERE id IN (SELECT id FROM p)) AS profiles`;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

describe('merging duplicate participants', () => {
  it('does in a dry run exactly what the merge then does, writing nothing until then, and loses nothing', async () => {
    const { kept, removed, removedMentor, mentee } = await duplicatePair('7000001');
    const both = [kept.teacher.id, removed.teacher.id];
    const before = await holdings(both);
    const audits = await auditCount();
    const input = { keepTeacherId: kept.teacher.id, removeTeacherId: removed.teacher.id, reason: 'Same person registered twice by the school' };

    const dryRun = await mergeParticipants(support, { ...input, dryRun: true });

    expect(dryRun.applied).toBe(false);
    expect(await auditCount()).toBe(audits);
    expect(await holdings([removed.teacher.id])).toMatchObject({ declarations: 2, profiles: 2 });
    expect((await db().teacher.findUniqueOrThrow({ where: { id: removed.teacher.id } })).mergedIntoId).toBeNull();

    const merged = await mergeParticipants(support, input);

    expect(merged).toEqual({ ...dryRun, applied: true });
    expect(merged.profilesMerged).toEqual([{ fromProfileId: removed.profile.id, toProfileId: kept.profile.id, type: 'ect' }]);
    expect(merged.profilesMoved).toEqual([{ profileId: removedMentor.id, type: 'mentor' }]);
    expect(merged.identityFilled).toEqual(['dateOfBirth', 'nationalInsuranceNumber']);
    expect(merged.moved).toMatchObject({
      'declarations.teacherId': 2, 'declarations.participantProfileId': 1, 'declarations.mentorTeacherId': 1,
      'induction_records.participantProfileId': 1, 'participant_profile_states.participantProfileId': 1, 'participant_profiles.teacherId': 1,
    });

    // Nothing is lost: the kept teacher now holds everything both held.
    expect(await holdings([kept.teacher.id])).toEqual({ ...before, profiles: before.profiles - 1 });
    expect(await holdings([removed.teacher.id])).toEqual({ declarations: 0, mentored: 0, induction_records: 0, states: 0, mentees: 0, profiles: 1 });
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: mentee.profile.id } })).toMatchObject({ mentorProfileId: removedMentor.id });
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: removedMentor.id } })).toMatchObject({ teacherId: kept.teacher.id });
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: removed.profile.id } })).toMatchObject({ profileDuplicity: 'secondary', teacherId: removed.teacher.id });
    expect(await db().participantProfile.findUniqueOrThrow({ where: { id: kept.profile.id } })).toMatchObject({ profileDuplicity: 'primary', notes: 'Called the school on 3 March' });
    expect(await db().teacher.findUniqueOrThrow({ where: { id: removed.teacher.id } })).toMatchObject({ mergedIntoId: kept.teacher.id });
    expect(await db().teacher.findUniqueOrThrow({ where: { id: kept.teacher.id } })).toMatchObject({ nationalInsuranceNumber: 'QQ123456C' });

    // The audit history follows the person; the merge is recorded on both records with its reason.
    const keptEvents = await db().auditEvent.findMany({ where: { subjectType: 'Teacher', subjectId: kept.teacher.id }, orderBy: { createdAt: 'asc' } });
    expect(keptEvents.map((e) => e.action)).toEqual(['teacher.updated', 'participant.merged']);
    expect(keptEvents[1]).toMatchObject({ actorType: 'user', reason: input.reason });
    expect(await db().auditEvent.findFirst({ where: { subjectId: removed.teacher.id } })).toMatchObject({ action: 'participant.merged_into' });
  });

  it('refuses the same record twice, a record already merged, and people without the permission, writing nothing', async () => {
    const { kept, removed } = await duplicatePair('7000002');
    const input = { keepTeacherId: kept.teacher.id, removeTeacherId: removed.teacher.id, reason: 'Duplicate' };
    await mergeParticipants(support, input);
    const audits = await auditCount();

    await expect(mergeParticipants(support, { ...input, removeTeacherId: kept.teacher.id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(mergeParticipants(support, input)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const other = await createParticipant(world);
    await expect(mergeParticipants(userContext('policy'), { ...input, removeTeacherId: other.teacher.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(await auditCount()).toBe(audits);
    expect((await db().teacher.findUniqueOrThrow({ where: { id: other.teacher.id } })).mergedIntoId).toBeNull();
  });

  it('lists pairs with the same TRN or the same name and date of birth, and compares two side by side', async () => {
    const sameTrn = await duplicatePair('7000003');
    const x = await createParticipant(world, { fullName: 'Grace Hopper', trn: '7100001' });
    const y = await createParticipant(world, { fullName: 'grace hopper ', trn: '7100002' });
    await db().teacher.updateMany({ where: { id: { in: [x.teacher.id, y.teacher.id] } }, data: { dateOfBirth: new Date('1985-12-09') } });

    const { pairs, total } = await findDuplicateParticipants(support, { perPage: 200 });

    const key = (p: (typeof pairs)[number]) => [p.match, ...[p.a.teacherId, p.b.teacherId].sort()].join(' ');
    const found = pairs.map(key);
    expect(found).toContain(['same_trn', ...[sameTrn.kept.teacher.id, sameTrn.removed.teacher.id].sort()].join(' '));
    expect(found).toContain(['same_name_and_date_of_birth', ...[x.teacher.id, y.teacher.id].sort()].join(' '));
    expect(total).toBe(pairs.length);
    expect(pairs.find((p) => p.a.trn === '7000003')).toMatchObject({ a: { profiles: expect.any(Number), declarations: expect.any(Number) } });

    const [a, b] = await compareParticipants(support, { aTeacherId: sameTrn.kept.teacher.id, bTeacherId: sameTrn.removed.teacher.id });
    expect(a.profiles.map((p) => p.type)).toEqual(['ect']);
    expect(b.profiles.map((p) => p.type)).toEqual(['ect', 'mentor']);
    expect(b.profiles[0].declarations).toEqual([expect.objectContaining({ type: 'retained-1', state: 'paid' })]);
    expect(b.profiles[0].inductionRecords).toHaveLength(1);

    await mergeParticipants(support, { keepTeacherId: sameTrn.kept.teacher.id, removeTeacherId: sameTrn.removed.teacher.id, reason: 'Duplicate' });
    const after = await findDuplicateParticipants(support, { perPage: 200 });
    expect(after.pairs.map(key)).not.toContain(found.find((f) => f.includes(sameTrn.removed.teacher.id)));
    expect(after.total).toBe(total - 1);
  });
});
