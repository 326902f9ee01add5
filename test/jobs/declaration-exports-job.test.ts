// The declaration exports job: one CSV per lead provider and cohort (or one statement's), with the
// DfE's header and one row per line item; the same files however often it runs; a run killed half way
// leaves the previous file whole and nothing else, is marked failed at the next start, and re-running
// completes it. Files go to the export store (PostgreSQL large objects by default).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { INTERRUPTED, recoverInterruptedRuns } from '../../src/actions/jobs/mark-runs-interrupted.js';
import { runJob } from '../../src/actions/jobs/run-job.js';
import { db } from '../../src/db/client.js';
import { declarationExportsJob } from '../../src/jobs/declaration-exports-job.js';
import { exportStore } from '../../src/reports/exports/export-store.js';
import { DECLARATIONS_CSV_HEADERS, writeStatementDeclarationsCsv } from '../../src/reports/statements/declarations-csv.js';
import { generateDeclarationData } from '../../bench/declarations-data.js';
import { createDeclaration, createLeadProvider, createParticipant, createParticipantWorld, createStatement } from '../support/factories.js';
import { daysFromToday } from '../reports/statements/statement-world.js';
import { putExport, readExport, strayLargeObjects } from '../support/exports.js';

const csvRows = async (file: string) => parse((await readExport(file)) ?? '') as string[][];

async function statementCsv(statementId: string): Promise<string[][]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeStatementDeclarationsCsv(statementId, out);
  return parse(Buffer.concat(chunks)) as string[][];
}

async function countLines(file: string): Promise<number> {
  const opened = await exportStore().open(file);
  let lines = 0;
  for await (const chunk of opened!.content as AsyncIterable<Buffer>) for (const byte of chunk) if (byte === 10) lines++;
  return lines;
}

describe('declaration exports job', () => {
  it("writes each lead provider and cohort's CSV: the DfE header, one row per line item, statement by statement", async () => {
    const world = await createParticipantWorld(2023, { leadProvider: await createLeadProvider({ name: 'Ambition Institute (Export)' }) });
    const january = await createStatement(world.leadProvider, world.cohort, { name: 'January 2024', deadlineDate: daysFromToday(-30), paymentDate: daysFromToday(-5) });
    const february = await createStatement(world.leadProvider, world.cohort, { name: 'February 2024', deadlineDate: daysFromToday(5), paymentDate: daysFromToday(30) });
    const people = [await createParticipant(world, { fullName: 'Zoe Adams' }), await createParticipant(world, { fullName: 'Amy Brown' })];
    for (const person of people) await createDeclaration(person, world.leadProvider, { statement: january, state: 'paid' });
    await createDeclaration(people[0], world.leadProvider, { statement: february, state: 'eligible', declarationType: 'retained_1' });
    await createDeclaration(people[1], world.leadProvider, { statement: february, state: 'voided', declarationType: 'retained_1' });
    await createDeclaration(people[1], world.leadProvider, { state: 'submitted', declarationType: 'retained_2' });
    const other = await createParticipantWorld(2024);
    await createDeclaration(await createParticipant(other), other.leadProvider, { statement: await createStatement(other.leadProvider, other.cohort), state: 'eligible' });
    await createStatement(world.leadProvider, await (await import('../support/factories.js')).createCohort(2025));

    const { run } = await runJob(declarationExportsJob);
    const file = 'ECF-Declarations-AmbitionInstituteExport-Cohort2023-Allstatements.csv';
    expect(run).toMatchObject({ state: 'succeeded', error: null });
    expect(run).toMatchObject({ rowsDone: 5, rowsTotal: 5 });
    expect((run.output as { files: unknown[] }).files).toEqual(expect.arrayContaining([{ file, rows: 4 }, { file: expect.stringMatching(/-Cohort2024-Allstatements\.csv$/), rows: 1 }]));
    expect((run.output as { files: unknown[] }).files).toHaveLength(2);
    const [header, ...rows] = await csvRows(file);
    expect(header).toEqual([...DECLARATIONS_CSV_HEADERS]);
    expect(rows).toHaveLength(4);
    // The rows are exactly each statement's own CSV rows, earliest statement first.
    const [, ...januaryRows] = await statementCsv(january.id);
    const [, ...februaryRows] = await statementCsv(february.id);
    expect(rows).toEqual([...januaryRows, ...februaryRows]);
    expect(rows.map((r) => [r[22], r[1], r[18]])).toEqual([
      ['January 2024', 'Amy Brown', 'paid'], ['January 2024', 'Zoe Adams', 'paid'],
      ['February 2024', 'Amy Brown', 'voided'], ['February 2024', 'Zoe Adams', 'eligible'],
    ]);
    expect(declarationExportsJob.summarise(run.output as Record<string, unknown>)).toBe('2 file(s) written, 5 declaration row(s)');

    // Running again writes the same files, and leaves nothing else behind.
    const before = await readExport(file);
    const again = await runJob(declarationExportsJob);
    expect(again.run.output).toEqual(run.output);
    expect(await readExport(file)).toEqual(before);
    expect(await strayLargeObjects()).toBe(0);
    const listed = await exportStore().list();
    expect(listed.map((f) => f.name).sort()).toEqual((run.output as { files: { file: string }[] }).files.map((f) => f.file).sort());
    expect(listed.find((f) => f.name === file)?.bytes).toBe(Buffer.byteLength(before!));
  });

  it("exports one statement on demand under the statement CSV's name", async () => {
    const world = await createParticipantWorld(2022, { leadProvider: await createLeadProvider({ name: 'Teach First (On demand)' }) });
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'March 2023' });
    for (let i = 0; i < 3; i++) await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'eligible' });
    const { run } = await runJob(declarationExportsJob, { statementId: statement.id });
    const file = 'ECF-Declarations-TeachFirstOndemand-Cohort2022-March2023.csv';
    expect(run).toMatchObject({ state: 'succeeded', args: { statementId: statement.id }, rowsDone: 3, rowsTotal: 3, output: { files: [{ file, rows: 3 }] } });
    const [header, ...rows] = await csvRows(file);
    expect(header).toEqual([...DECLARATIONS_CSV_HEADERS]);
    expect(rows).toEqual((await statementCsv(statement.id)).slice(1));
    await expect(runJob(declarationExportsJob, { statementId: 'not-an-id' })).rejects.toThrow();
  });

  it('two runs at once: one writes, the other is skipped', async () => {
    const results = await Promise.all([runJob(declarationExportsJob), runJob(declarationExportsJob)]);
    expect(results.map((r) => r.skipped).sort()).toEqual([false, true]);
    expect(await strayLargeObjects()).toBe(0);
  });

  it('a run killed half way: the previous file stays whole, the run is marked failed at the next start, and re-running completes it', async () => {
    const data = await generateDeclarationData({ tag: 'killed', participants: 10_000, startYear: 2021 });
    const file = 'ECF-Declarations-BenchProviderkilled-Cohort2021-Allstatements.csv';
    await putExport(file, 'the previous export\n');

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/jobs/support/run-job-process.ts', 'declaration-exports'], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const exited = once(child, 'exit');
    // Killed once it has written a good part of the new file.
    const started = Date.now();
    let running = null;
    while (!running && child.exitCode === null && Date.now() - started < 120_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      running = await db().jobRun.findFirst({ where: { job: 'declaration-exports', state: 'running', rowsDone: { gt: 2_000 } } });
    }
    expect(running).toBeTruthy();
    child.kill('SIGKILL');
    await exited;

    const killed = await db().jobRun.findUniqueOrThrow({ where: { id: running!.id } });
    expect(killed.state).toBe('running');
    expect(killed.rowsDone).toBeLessThan(data.declarations);
    expect(await readExport(file)).toBe('the previous export\n');
    // The server rolls back the killed writer's transaction, its half-written large object with it.
    const deadline = Date.now() + 60_000;
    while ((await strayLargeObjects()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await strayLargeObjects()).toBe(0);

    expect(await recoverInterruptedRuns()).toBe(1);
    expect(await db().jobRun.findUniqueOrThrow({ where: { id: killed.id } })).toMatchObject({ state: 'failed', error: INTERRUPTED });

    const { run } = await runJob(declarationExportsJob);
    expect(run.state).toBe('succeeded');
    expect(run.rowsDone).toBe(run.rowsTotal);
    expect(await countLines(file)).toBe(data.declarations + 1);
    const opened = await exportStore().open(file);
    const firstChunk = (await (opened!.content as AsyncIterable<Buffer>)[Symbol.asyncIterator]().next()).value as Buffer;
    opened!.content.destroy();
    expect(firstChunk.toString('utf8').split('\n')[0]).toBe(DECLARATIONS_CSV_HEADERS.join(','));
    expect(await strayLargeObjects()).toBe(0);
  }, 300_000);
});
