import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { findFrozenCohortCandidates } from '../../../src/actions/participants/frozen-cohort/find-frozen-cohort-candidates.js';
import { moveManyFromFrozenCohort } from '../../../src/actions/participants/frozen-cohort/move-many-from-frozen-cohort.js';
import { previewMoveFromFrozenCohort } from '../../../src/actions/participants/frozen-cohort/preview-move-from-frozen-cohort.js';
import { participantsMoveFrozen } from '../../../src/cli/commands/participants-move-frozen.js';
import { createCohort, createDeclaration, createParticipant, createParticipantWorld, userContext } from '../../support/factories.js';
import { frozenCohortWorld, PAYMENTS_FROZEN_AT } from './move-from-frozen-cohort-world.js';

const superUser = userContext('super_user');
const reason = 'Bulk move of unfinished 2021 participants';

/** One school's frozen-cohort participants in each situation the admin screen must show. */
async function schoolInEverySituation() {
  const { source } = await frozenCohortWorld();
  const eligible = await createParticipant(source, { fullName: 'A Eligible' });
  await createDeclaration(eligible, source.leadProvider, { state: 'paid' });
  const forceOnly = await createParticipant(source, { fullName: 'B Force only' });
  const withNotes = await createParticipant(source, { fullName: 'C With notes', profile: { notes: 'Check with school first' } });
  await createDeclaration(withNotes, source.leadProvider);
  const finished = await createParticipant(source, { fullName: 'D Finished', profile: { inductionCompletionDate: new Date('2023-07-01') } });
  await createDeclaration(finished, source.leadProvider);
  const paidToComplete = await createParticipant(source, { fullName: 'E Paid to complete' });
  await createDeclaration(paidToComplete, source.leadProvider, { declarationType: 'completed', state: 'paid' });
  return { source, eligible, forceOnly, withNotes, finished, paidToComplete };
}

describe('findFrozenCohortCandidates', () => {
  it('lists unfinished participants in frozen cohorts, eligible or force-only, with what still blocks them', async () => {
    const { source, eligible, forceOnly, withNotes } = await schoolInEverySituation();
    const { rows, total } = await findFrozenCohortCandidates({ page: 1, perPage: 10, schoolId: source.school.id });
    expect(total).toBe(3);
    expect(rows).toEqual([
      expect.objectContaining({ participantProfileId: eligible.profile.id, status: 'eligible', billableDeclarations: 1, blockers: [], sourceCohortStartYear: 2021, schoolName: source.school.name, leadProviderName: source.leadProvider.name }),
      expect.objectContaining({ participantProfileId: forceOnly.profile.id, status: 'force_required', billableDeclarations: 0, blockers: [] }),
      expect.objectContaining({ participantProfileId: withNotes.profile.id, status: 'eligible', blockers: ['The participant has notes that block a cohort change'] }),
    ]);
  });

  it('shows a school that has not set up 2024, and leaves out cohorts that are not frozen', async () => {
    const frozen = await createParticipantWorld(2021, { cohort: await createCohort(2021, { paymentsFrozenAt: PAYMENTS_FROZEN_AT }) });
    const blocked = await createParticipant(frozen, { fullName: 'Unprepared School Teacher' });
    await createDeclaration(blocked, frozen.leadProvider);
    const open = await createParticipantWorld(2022, { cohort: await createCohort(2022), school: frozen.school });
    await createDeclaration(await createParticipant(open), open.leadProvider);

    const { rows } = await findFrozenCohortCandidates({ schoolId: frozen.school.id });
    expect(rows).toEqual([
      expect.objectContaining({ participantProfileId: blocked.profile.id, blockers: [`Cohort starting on 2024 not setup on ${frozen.school.name}`] }),
    ]);
  });

  it('searches, filters and pages', async () => {
    const { source, eligible, forceOnly } = await schoolInEverySituation();
    expect((await findFrozenCohortCandidates({ search: eligible.teacher.email })).rows.map((r) => r.participantProfileId)).toEqual([eligible.profile.id]);
    expect((await findFrozenCohortCandidates({ search: forceOnly.teacher.trn! })).rows.map((r) => r.participantProfileId)).toEqual([forceOnly.profile.id]);
    const forced = await findFrozenCohortCandidates({ leadProviderId: source.leadProvider.id, status: 'force_required' });
    expect(forced.rows.map((r) => r.participantProfileId)).toEqual([forceOnly.profile.id]);
    const second = await findFrozenCohortCandidates({ schoolId: source.school.id, page: 2, perPage: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, perPage: 2, rows: [expect.objectContaining({ fullName: 'C With notes' })] });
    expect(await findFrozenCohortCandidates({ schoolId: source.school.id, page: 5, perPage: 2 })).toMatchObject({ total: 3, rows: [] });
    expect((await findFrozenCohortCandidates({ search: '100%_' })).total).toBe(0);
  });
});

describe('previewMoveFromFrozenCohort', () => {
  it('shows what would change and writes nothing', async () => {
    const { source, eligible } = await schoolInEverySituation();
    const preview = await previewMoveFromFrozenCohort(superUser, { participantProfileId: eligible.profile.id });
    expect(preview).toEqual({
      outcome: 'would_move',
      participantProfileId: eligible.profile.id,
      fullName: 'A Eligible',
      message: "A Eligible's cohort was changed to 2024",
      from: { cohortStartYear: 2021, scheduleIdentifier: 'ecf-standard-september', schoolName: source.school.name },
      to: { cohortStartYear: 2024, scheduleIdentifier: 'ecf-extended-september', schoolName: source.school.name },
      cohortChangedAfterPaymentsFrozen: true,
    });
    expect(await db().auditEvent.count({ where: { subjectId: eligible.profile.id } })).toBe(0);
    await expect(previewMoveFromFrozenCohort(userContext('finance'), { participantProfileId: eligible.profile.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('moveManyFromFrozenCohort', () => {
  it('moves each participant in its own transaction and reports every outcome', async () => {
    const { eligible, forceOnly, withNotes, finished } = await schoolInEverySituation();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const progress: number[] = [];

    const outcomes = await moveManyFromFrozenCohort(
      superUser,
      { participantProfileIds: [eligible.profile.id, withNotes.profile.id, unknown, forceOnly.profile.id, finished.profile.id, eligible.profile.id], reason },
      (done) => progress.push(done),
    );

    expect(outcomes).toEqual([
      { participantProfileId: eligible.profile.id, outcome: 'moved', message: "A Eligible's cohort was changed to 2024" },
      { participantProfileId: withNotes.profile.id, outcome: 'refused', message: 'The participant has notes that block a cohort change' },
      { participantProfileId: unknown, outcome: 'refused', message: 'Participant not found' },
      { participantProfileId: forceOnly.profile.id, outcome: 'refused', message: 'Participant not eligible to be transferred from their current cohort' },
      { participantProfileId: finished.profile.id, outcome: 'refused', message: 'Participant not eligible to be transferred from their current cohort' },
    ]);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(await db().auditEvent.count({ where: { action: 'participant.moved_from_frozen_cohort' } })).toBe(1);

    const again = await moveManyFromFrozenCohort(superUser, { participantProfileIds: [eligible.profile.id, forceOnly.profile.id], force: true, reason });
    expect(again.map((o) => o.outcome)).toEqual(['unchanged', 'moved']);
  });

  it('only reports in a dry run', async () => {
    const { eligible, withNotes } = await schoolInEverySituation();
    const before = await db().inductionRecord.count();
    const outcomes = await moveManyFromFrozenCohort(superUser, { participantProfileIds: [eligible.profile.id, withNotes.profile.id], reason, dryRun: true });
    expect(outcomes.map((o) => o.outcome)).toEqual(['would_move', 'refused']);
    expect(await db().inductionRecord.count()).toBe(before);
  });

  it('refuses the whole run for someone who is not a super user', async () => {
    const { eligible } = await schoolInEverySituation();
    await expect(moveManyFromFrozenCohort(userContext('admin'), { participantProfileIds: [eligible.profile.id], reason })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('participants:move-frozen', () => {
  const run = (options: Record<string, string>) => {
    const lines: string[] = [];
    return participantsMoveFrozen.run({ options, positional: [] }, { say: (line) => lines.push(line) }).then((result) => ({ result, lines }));
  };

  it('dry-runs and then moves every eligible participant, reporting the blocked ones', async () => {
    // Participants left by earlier tests in this database get notes, so only this school's eligible one can move.
    await db().participantProfile.updateMany({ where: { cohort: { startYear: 2021 } }, data: { notes: 'Earlier test participant' } });
    const { eligible, withNotes } = await schoolInEverySituation();

    const dry = await run({ 'all-eligible': 'true', reason, 'dry-run': 'true' });
    expect(dry.result).toMatchObject({ moved: 1, unchanged: 0, dryRun: true });
    expect(dry.result.blocked).toContainEqual({ participant: withNotes.profile.id, reason: 'The participant has notes that block a cohort change' });
    expect(await db().auditEvent.count({ where: { subjectId: eligible.profile.id } })).toBe(0);

    const real = await run({ 'all-eligible': 'true', reason });
    expect(real.result).toMatchObject({ moved: 1, dryRun: false });
    expect(real.lines.at(-1)).toMatch(/^Moved: 1; already moved: 0; blocked: \d+\.$/);

    expect((await run({ id: eligible.profile.id, reason })).result).toMatchObject({ moved: 0, unchanged: 1, blocked: [] });
  });

  it('rejects unclear usage', async () => {
    await expect(run({ reason })).rejects.toThrow('Give either --id or --all-eligible');
    await expect(run({ id: 'not-an-id', reason })).rejects.toThrow('Not a participant id: not-an-id');
    await expect(run({ 'all-eligible': 'true' })).rejects.toThrow('Missing --reason');
  });
});
