import { describe, expect, it } from '@jest/globals';
import { db } from '../../../src/db/client.js';
import { findFrozenCohortCandidates } from '../../../src/actions/participants/frozen-cohort/find-frozen-cohort-candidates.js';
import { findFrozenCohortMoveRun } from '../../../src/actions/participants/frozen-cohort/find-frozen-cohort-move-run.js';
import { frozenCohortMoveRunCsv } from '../../../src/actions/participants/frozen-cohort/frozen-cohort-move-run-csv.js';
import { moveManyFromFrozenCohort } from '../../../src/actions/participants/frozen-cohort/move-many-from-frozen-cohort.js';
import { previewFrozenCohortSelection } from '../../../src/actions/participants/frozen-cohort/preview-frozen-cohort-selection.js';
import { startFrozenCohortMoveRun } from '../../../src/actions/participants/frozen-cohort/start-frozen-cohort-move-run.js';
import { moveFromFrozenCohort } from '../../../src/actions/participants/move-from-frozen-cohort.js';
import {
  createDeclaration, createFipProgramme, createParticipant, createParticipantWorld, createSchoolCohort, createStatement, userContext,
} from '../../support/factories.js';
import { frozenCohortWorld } from './move-from-frozen-cohort-world.js';

const superUser = userContext('super_user');
const reason = 'Bulk move of unfinished 2021 participants';
const NOT_ELIGIBLE = 'Participant not eligible to be transferred from their current cohort';

/** Frozen-cohort participants in every situation the bulk page shows, at one school (plus two others). */
async function everySituation() {
  const { source, target } = await frozenCohortWorld();
  const statement = await createStatement(source.leadProvider, source.cohort);
  const eligible = await createParticipant(source, { fullName: 'A Eligible' });
  const paid = await createDeclaration(eligible, source.leadProvider, { state: 'paid', statement });
  const noBillable = await createParticipant(source, { fullName: 'B No billable' });
  await createDeclaration(noBillable, source.leadProvider, { state: 'submitted' });
  const withNotes = await createParticipant(source, { fullName: 'C With notes', profile: { notes: 'Check with school first' } });
  await createDeclaration(withNotes, source.leadProvider);
  const finished = await createParticipant(source, { fullName: 'D Finished', profile: { inductionCompletionDate: new Date('2023-07-01') } });
  await createDeclaration(finished, source.leadProvider);
  const paidToComplete = await createParticipant(source, { fullName: 'E Paid to complete' });
  await createDeclaration(paidToComplete, source.leadProvider, { declarationType: 'completed', state: 'paid' });
  const moved = await createParticipant(source, { fullName: 'F Already moved' });
  await createDeclaration(moved, source.leadProvider);
  await moveFromFrozenCohort(superUser, { participantProfileId: moved.profile.id, reason: 'Moved earlier' });

  // A school that never set up 2024, and one whose 2024 set-up has no default programme.
  const unprepared = await createParticipantWorld(2021, { cohort: source.cohort, leadProvider: source.leadProvider, deliveryPartner: source.deliveryPartner });
  const noSchoolCohort = await createParticipant(unprepared, { fullName: 'G No 2024 at school' });
  await createDeclaration(noSchoolCohort, source.leadProvider);
  const halfPrepared = await createParticipantWorld(2021, { cohort: source.cohort, leadProvider: source.leadProvider, deliveryPartner: source.deliveryPartner });
  await createSchoolCohort(halfPrepared.school, target.cohort);
  const noProgramme = await createParticipant(halfPrepared, { fullName: 'H No 2024 programme' });
  await createDeclaration(noProgramme, source.leadProvider);

  return { source, target, statement, paid, eligible, noBillable, withNotes, finished, paidToComplete, moved, noSchoolCohort, noProgramme, unprepared, halfPrepared };
}

describe('findFrozenCohortCandidates', () => {
  it('lists every participant of the frozen cohort, eligible, blocked with the DfE reason, or already moved', async () => {
    const w = await everySituation();
    const { rows, total, counts } = await findFrozenCohortCandidates({ leadProviderId: w.source.leadProvider.id });
    expect({ total, counts }).toEqual({ total: 8, counts: { eligible: 3, blocked: 4, already_moved: 1 } });
    const byName = Object.fromEntries(rows.map((r) => [r.fullName, [r.status, r.reasons, r.notEligibleBecause]]));
    expect(byName).toEqual({
      'A Eligible': ['eligible', [], null],
      'B No billable': ['blocked', [NOT_ELIGIBLE], 'no_billable_declarations'],
      'C With notes': ['blocked', ['The participant has notes that block a cohort change'], null],
      'D Finished': ['blocked', [NOT_ELIGIBLE], 'completed_training'],
      'E Paid to complete': ['blocked', [NOT_ELIGIBLE], 'paid_for_completion'],
      'F Already moved': ['already_moved', ['F Already moved is already in the 2024 cohort'], null],
      // The move sets these schools up for 2024 (Induction::AmendParticipantCohort#find_or_create_target_school_cohort).
      'G No 2024 at school': ['eligible', [], null],
      'H No 2024 programme': ['eligible', [], null],
    });
    expect(rows[0]).toMatchObject({
      sourceCohortStartYear: 2021, scheduleIdentifier: 'ecf-standard-september', schoolName: w.source.school.name,
      leadProviderName: w.source.leadProvider.name, targetLeadProviderName: w.source.leadProvider.name, billableDeclarations: 1,
    });
  });

  it('filters by school, status and search, and pages on the server', async () => {
    const w = await everySituation();
    const school = await findFrozenCohortCandidates({ schoolId: w.source.school.id });
    expect(school.counts).toEqual({ eligible: 1, blocked: 4, already_moved: 1 });
    const blocked = await findFrozenCohortCandidates({ schoolId: w.source.school.id, status: 'blocked', page: 2, perPage: 3 });
    expect(blocked).toMatchObject({ total: 4, page: 2, perPage: 3, rows: [expect.objectContaining({ fullName: 'E Paid to complete' })] });
    expect((await findFrozenCohortCandidates({ search: w.withNotes.teacher.email })).rows.map((r) => r.fullName)).toEqual(['C With notes']);
    expect((await findFrozenCohortCandidates({ search: w.unprepared.school.urn })).rows.map((r) => r.fullName)).toEqual(['G No 2024 at school']);
    expect(await findFrozenCohortCandidates({ schoolId: w.source.school.id, page: 9 })).toMatchObject({ total: 6, rows: [] });
    expect((await findFrozenCohortCandidates({ search: '100%_' })).total).toBe(0);
  });
});

describe('previewFrozenCohortSelection', () => {
  it('counts who would move and who is blocked by reason, shows each change, and writes nothing', async () => {
    const w = await everySituation();
    const auditBefore = await db().auditEvent.count();
    const ids = [w.noBillable, w.eligible, w.withNotes, w.finished, w.moved].map((p) => p.profile.id);
    const preview = await previewFrozenCohortSelection(superUser, { participantProfileIds: ids });
    expect(preview).toMatchObject({
      destination: { startYear: 2024, scheduleIdentifier: 'ecf-extended-september' },
      counts: { eligible: 1, blocked: 3, already_moved: 1 },
      reasons: [{ reason: NOT_ELIGIBLE, count: 2 }, { reason: 'The participant has notes that block a cohort change', count: 1 }],
      total: 5,
    });
    expect(preview.rows.map((r) => r.fullName)).toEqual(['A Eligible', 'B No billable', 'C With notes', 'D Finished', 'F Already moved']);
    expect(await db().auditEvent.count()).toBe(auditBefore);
    await expect(previewFrozenCohortSelection(userContext('admin'), { participantProfileIds: ids })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('moveManyFromFrozenCohort', () => {
  it('moves each participant in its own transaction, reports every outcome, and is idempotent', async () => {
    const w = await everySituation();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const progress: number[] = [];
    const ids = [w.eligible, w.withNotes, w.noBillable, w.moved, w.noProgramme].map((p) => p.profile.id);

    const outcomes = await moveManyFromFrozenCohort(superUser, { participantProfileIds: [ids[0], ids[1], unknown, ...ids.slice(2), ids[0]], reason }, (done) => {
      progress.push(done);
    });

    expect(outcomes).toEqual([
      { participantProfileId: ids[0], outcome: 'moved', message: "A Eligible's cohort was changed to 2024" },
      { participantProfileId: ids[1], outcome: 'refused', message: 'The participant has notes that block a cohort change' },
      { participantProfileId: unknown, outcome: 'refused', message: 'Participant not found' },
      { participantProfileId: ids[2], outcome: 'refused', message: NOT_ELIGIBLE },
      { participantProfileId: ids[3], outcome: 'unchanged', message: 'F Already moved is already in the 2024 cohort' },
      { participantProfileId: ids[4], outcome: 'moved', message: "H No 2024 programme's cohort was changed to 2024" },
    ]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await db().auditEvent.count({ where: { action: 'participant.moved_from_frozen_cohort', reason } })).toBe(2);

    const again = await moveManyFromFrozenCohort(superUser, { participantProfileIds: ids, reason });
    expect(again.map((o) => o.outcome)).toEqual(['unchanged', 'refused', 'refused', 'unchanged', 'unchanged']);
    expect(await db().auditEvent.count({ where: { action: 'participant.moved_from_frozen_cohort', reason } })).toBe(2);
  });

  it('refuses someone outside the expected source cohort, and reports without changing anything in a dry run', async () => {
    const w = await everySituation();
    const before = await db().inductionRecord.count();
    const wrongSource = await moveManyFromFrozenCohort(superUser, { participantProfileIds: [w.eligible.profile.id], reason, fromStartYear: 2022 });
    expect(wrongSource).toEqual([expect.objectContaining({ outcome: 'refused', message: 'No induction record for the participant on the cohort starting on 2022' })]);
    const dry = await moveManyFromFrozenCohort(superUser, { participantProfileIds: [w.eligible.profile.id, w.withNotes.profile.id], reason, dryRun: true });
    expect(dry.map((o) => o.outcome)).toEqual(['would_move', 'refused']);
    expect(await db().inductionRecord.count()).toBe(before);
  });
});

describe('a bulk move run from the back office', () => {
  it('records a job run with progress, keeps every outcome for the result table and CSV, and leaves statements alone', async () => {
    const w = await everySituation();
    const lineItemsBefore = await db().statementLineItem.findMany({ orderBy: { id: 'asc' } });
    const declarationsBefore = await db().declaration.findMany({ orderBy: { id: 'asc' } });
    const statementsBefore = await db().statement.findMany({ orderBy: { id: 'asc' } });
    const ids = [w.eligible, w.withNotes, w.finished].map((p) => p.profile.id);

    const { requestId, finished } = await startFrozenCohortMoveRun(superUser, { participantProfileIds: ids, reason });
    const { run } = await finished;

    expect(run).toMatchObject({ job: 'frozen-cohort-moves', state: 'succeeded', rowsDone: 3, rowsTotal: 3 });
    const view = await findFrozenCohortMoveRun(superUser, { requestId, perPage: 2 });
    expect(view).toMatchObject({ state: 'succeeded', done: 3, total: 3, totalRows: 3, counts: { moved: 1, refused: 2, unchanged: 0, failed: 0 } });
    expect(view.rows).toEqual([
      expect.objectContaining({ fullName: 'A Eligible', outcome: 'moved', cohortStartYear: 2024, schoolUrn: w.source.school.urn }),
      expect.objectContaining({ fullName: 'C With notes', outcome: 'refused', cohortStartYear: 2021 }),
    ]);
    const { csv, filename } = await frozenCohortMoveRunCsv(superUser, { requestId });
    expect(filename).toMatch(/^frozen-cohort-moves-\d{4}-\d\d-\d\d-[0-9a-f]{8}\.csv$/);
    expect(csv.trim().split('\n')).toEqual([
      'Participant ID,Name,TRN,School,URN,Cohort now,Outcome,Reason or result',
      `${ids[0]},A Eligible,${w.eligible.teacher.trn},${w.source.school.name},${w.source.school.urn},2024,Moved,A Eligible's cohort was changed to 2024`,
      `${ids[1]},C With notes,${w.withNotes.teacher.trn},${w.source.school.name},${w.source.school.urn},2021,Blocked,The participant has notes that block a cohort change`,
      `${ids[2]},D Finished,${w.finished.teacher.trn},${w.source.school.name},${w.source.school.urn},2021,Blocked,${NOT_ELIGIBLE}`,
    ]);

    // Declarations keep their cohort, state and statement; statements are not touched.
    expect(await db().declaration.findMany({ orderBy: { id: 'asc' } })).toEqual(declarationsBefore);
    expect(await db().statementLineItem.findMany({ orderBy: { id: 'asc' } })).toEqual(lineItemsBefore);
    expect(await db().statement.findMany({ orderBy: { id: 'asc' } })).toEqual(statementsBefore);
    expect(await db().declaration.findUniqueOrThrow({ where: { id: w.paid.id } })).toMatchObject({ cohortId: w.source.cohort.id, state: 'paid' });
  });

  it('is for super users only, and says when a run is not there yet', async () => {
    const w = await everySituation();
    const runsBefore = await db().jobRun.count();
    for (const role of ['admin', 'support', 'finance'] as const) {
      await expect(startFrozenCohortMoveRun(userContext(role), { participantProfileIds: [w.eligible.profile.id], reason })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await db().jobRun.count()).toBe(runsBefore);
    const requestId = '00000000-0000-4000-8000-000000000001';
    expect(await findFrozenCohortMoveRun(superUser, { requestId })).toMatchObject({ state: 'starting', rows: [] });
    await expect(frozenCohortMoveRunCsv(superUser, { requestId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(findFrozenCohortMoveRun(userContext('admin'), { requestId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the destination cohort set up without a partnership', () => {
  it('shows no target lead provider when the 2024 default programme has none', async () => {
    const { source, target } = await frozenCohortWorld();
    const other = await createParticipantWorld(2021, { cohort: source.cohort, leadProvider: source.leadProvider, deliveryPartner: source.deliveryPartner });
    const schoolCohort = await createSchoolCohort(other.school, target.cohort);
    await createFipProgramme(schoolCohort, null);
    const participant = await createParticipant(other);
    await createDeclaration(participant, source.leadProvider);
    const { rows } = await findFrozenCohortCandidates({ schoolId: other.school.id });
    expect(rows).toEqual([expect.objectContaining({ status: 'eligible', targetLeadProviderName: null })]);
  });
});
