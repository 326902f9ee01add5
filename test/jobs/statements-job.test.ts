// The statements job: past-deadline statements made payable, open ones recalculated, a snapshot per
// change, and the same result however many times it runs.
import { describe, expect, it } from '@jest/globals';
import { runJob } from '../../src/actions/jobs/run-job.js';
import { db } from '../../src/db/client.js';
import { statementsJob } from '../../src/jobs/statements-job.js';
import { calculateStatement } from '../../src/reports/statements/calculate-statement.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement } from '../support/factories.js';
import { createContract, daysFromToday } from '../reports/statements/statement-world.js';

const snapshotsOf = (statementId: string) => db().statementSnapshot.findMany({ where: { statementId }, orderBy: { calculatedAt: 'asc' } });

describe('statements job', () => {
  it('makes past-deadline statements payable, snapshots open ones once, and again only when they change', async () => {
    const world = await createParticipantWorld(2022);
    await createContract(world.leadProvider, world.cohort, { monthlyServiceFee: '1000' });
    const due = await createStatement(world.leadProvider, world.cohort, { name: 'Due', deadlineDate: daysFromToday(-1), paymentDate: daysFromToday(20) });
    const current = await createStatement(world.leadProvider, world.cohort, { name: 'Current', deadlineDate: daysFromToday(10), paymentDate: daysFromToday(40) });
    const paid = await createStatement(world.leadProvider, world.cohort, { name: 'Paid', state: 'paid', deadlineDate: daysFromToday(-60), paymentDate: daysFromToday(-30) });
    const dueDeclaration = await createDeclaration(await createParticipant(world), world.leadProvider, { statement: due, state: 'eligible' });
    await createDeclaration(await createParticipant(world), world.leadProvider, { statement: current, state: 'eligible' });

    const first = await runJob(statementsJob);
    expect(first.run).toMatchObject({ state: 'succeeded', rowsDone: 2, rowsTotal: 2 });
    expect(first.run.output).toMatchObject({ madePayable: [{ id: due.id, name: 'Due', declarationsMadePayable: 1 }], calculated: 2, snapshotsStored: 2, unchanged: 0, notCalculated: [] });
    expect((await db().statement.findUniqueOrThrow({ where: { id: due.id } })).state).toBe('payable');
    expect((await db().declaration.findUniqueOrThrow({ where: { id: dueDeclaration.id } })).state).toBe('payable');

    const [snapshot] = await snapshotsOf(current.id);
    const expected = await calculateStatement(current.id);
    expect(snapshot.total.toFixed(2)).toBe(expected.summary.total.toFixed(2));
    expect(snapshot.result).toMatchObject({ kind: 'ecf', statement: { id: current.id, name: 'Current' }, summary: { total: expected.summary.total.toJSON() } });
    expect((await snapshotsOf(due.id))[0].result).toMatchObject({ statement: { state: 'payable' } });
    expect(await snapshotsOf(paid.id)).toEqual([]);

    const again = await runJob(statementsJob);
    expect(again.run.output).toMatchObject({ madePayable: [], calculated: 1, snapshotsStored: 0, unchanged: 1 });
    expect(await db().statementSnapshot.count({ where: { statementId: { in: [due.id, current.id] } } })).toBe(2);

    await createDeclaration(await createParticipant(world), world.leadProvider, { statement: current, state: 'eligible' });
    const changed = await runJob(statementsJob);
    expect(changed.run.output).toMatchObject({ snapshotsStored: 1 });
    const snapshots = await snapshotsOf(current.id);
    expect(snapshots).toHaveLength(2);
    expect(snapshots[1].total.toFixed(2)).toBe((await calculateStatement(current.id)).summary.total.toFixed(2));
    expect(snapshots[1].total.equals(snapshots[0].total)).toBe(false);
  });

  it('lists a statement it cannot calculate and carries on', async () => {
    const world = await createParticipantWorld(2023);
    const withoutContract = await createStatement(world.leadProvider, world.cohort, { name: 'No contract', deadlineDate: daysFromToday(5) });
    const { run } = await runJob(statementsJob);
    expect(run.state).toBe('succeeded');
    expect((run.output as { notCalculated: unknown[] }).notCalculated).toContainEqual({
      statementId: withoutContract.id,
      message: expect.stringContaining('There is no call-off contract version 0.0.1'),
    });
    expect(await snapshotsOf(withoutContract.id)).toEqual([]);
    expect(statementsJob.summarise(run.output as Record<string, unknown>)).toMatch(/could not be calculated \(There is no call-off contract/);
  });

  it('two runs at once: one runs, the other is skipped, and no snapshot is stored twice', async () => {
    const world = await createParticipantWorld(2021);
    await createContract(world.leadProvider, world.cohort);
    const statements = [];
    for (let i = 0; i < 3; i++) statements.push(await createStatement(world.leadProvider, world.cohort, { deadlineDate: daysFromToday(3 + i) }));
    const results = await Promise.all([runJob(statementsJob), runJob(statementsJob)]);
    expect(results.map((r) => r.skipped).sort()).toEqual([false, true]);
    for (const s of statements) expect(await snapshotsOf(s.id)).toHaveLength(1);
  });
});
