// The jobs:run and declarations:export CLI commands (run directly: registering them is the integrator's job).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { declarationsExport } from '../../src/cli/commands/declarations-export.js';
import { jobsRun } from '../../src/cli/commands/jobs-run.js';
import type { CliCommand } from '../../src/cli/command.js';
import { db } from '../../src/db/client.js';
import { exportStore } from '../../src/reports/exports/export-store.js';
import { DECLARATIONS_CSV_HEADERS } from '../../src/reports/statements/declarations-csv.js';
import { createDeclaration, createLeadProvider, createParticipant, createParticipantWorld, createStatement } from '../support/factories.js';
import { daysFromToday } from '../reports/statements/statement-world.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jobs-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(command: CliCommand, options: Record<string, string>, positional: string[] = []) {
  const lines: string[] = [];
  const result = await command.run({ options, positional }, { say: (line) => lines.push(line) });
  return { lines, result };
}

describe('jobs:run', () => {
  it('runs a job now, recorded like a scheduled run', async () => {
    const { lines, result } = await run(jobsRun, {}, ['housekeeping']);
    expect(result).toMatchObject({ job: 'housekeeping', state: 'succeeded', output: { magicLinksDeleted: 0 } });
    expect(lines).toEqual([`Housekeeping succeeded (run ${result.runId}): 0 magic link(s), 0 old failed sign-in(s) and 0 old export(s) deleted.`]);
    expect(await db().jobRun.findUniqueOrThrow({ where: { id: String(result.runId) } })).toMatchObject({ job: 'housekeeping', state: 'succeeded' });
  });

  it('exports one statement with --statement, and refuses unknown jobs and arguments', async () => {
    const world = await createParticipantWorld(2023);
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'CLI statement' });
    await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'eligible' });
    const { result } = await run(jobsRun, { statement: statement.id }, ['declaration-exports']);
    expect(result).toMatchObject({ state: 'succeeded', output: { files: [{ rows: 1 }] } });
    expect((await exportStore().list()).map((f) => f.name)).toContain((result.output as { files: { file: string }[] }).files[0].file);

    await expect(run(jobsRun, {}, [])).rejects.toThrow('Give the name of the job to run');
    await expect(run(jobsRun, {}, ['reindex'])).rejects.toThrow('There is no job "reindex"');
    await expect(run(jobsRun, { statement: 'x' }, ['housekeeping'])).rejects.toThrow();
  });

  it('fails with the run id and reason when the job fails', async () => {
    await expect(run(jobsRun, { statement: '00000000-0000-4000-8000-000000000000' }, ['declaration-exports']))
      .rejects.toThrow(/^Declaration exports failed \(run [0-9a-f-]+\): Statement not found$/);
  });
});

describe('declarations:export', () => {
  it("writes a lead provider's cohort, or one of its statements, to --out", async () => {
    const world = await createParticipantWorld(2022, { leadProvider: await createLeadProvider({ name: 'Cli Provider' }) });
    const first = await createStatement(world.leadProvider, world.cohort, { name: 'First', deadlineDate: daysFromToday(-20) });
    const second = await createStatement(world.leadProvider, world.cohort, { name: 'Second', deadlineDate: daysFromToday(20) });
    for (const statement of [first, first, second]) await createDeclaration(await createParticipant(world), world.leadProvider, { statement, state: 'eligible' });

    const all = path.join(dir, 'all.csv');
    const { lines, result } = await run(declarationsExport, { cohort: '2022', 'lead-provider': 'Cli Provider', out: all });
    expect(result).toEqual({ file: all, rows: 3 });
    expect(lines).toEqual([`Wrote 3 declaration row(s) to ${all}.`]);
    const [header, ...rows] = parse(await readFile(all)) as string[][];
    expect(header).toEqual([...DECLARATIONS_CSV_HEADERS]);
    expect(rows.map((r) => r[22])).toEqual(['First', 'First', 'Second']);

    const one = path.join(dir, 'one.csv');
    expect((await run(declarationsExport, { cohort: '2022', 'lead-provider': 'Cli Provider', statement: 'Second', out: one })).result).toEqual({ file: one, rows: 1 });
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says what it could not find', async () => {
    const out = path.join(dir, 'never.csv');
    await expect(run(declarationsExport, { cohort: '2022', 'lead-provider': 'Nobody', out })).rejects.toThrow('Lead provider "Nobody" not found');
    await expect(run(declarationsExport, { cohort: '2099', 'lead-provider': 'Cli Provider', out })).rejects.toThrow('Cohort 2099 not found');
    await expect(run(declarationsExport, { cohort: '2022', 'lead-provider': 'Cli Provider', statement: 'Nope', out }))
      .rejects.toThrow('Statement "Nope" of Cli Provider in the 2022 cohort not found');
    await expect(run(declarationsExport, { cohort: 'soon', 'lead-provider': 'Cli Provider', out })).rejects.toThrow('--cohort must be a cohort start year, like 2024');
    await expect(run(declarationsExport, { cohort: '2022', 'lead-provider': 'Cli Provider' })).rejects.toThrow('Missing --out');
    expect((await readdir(dir)).includes('never.csv')).toBe(false);
  });
});
