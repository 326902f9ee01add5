// The statement CLI commands: show, calculate on a plain input, export and mark payable.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { statementsCalculate } from '../../../src/cli/commands/statements-calculate.js';
import { statementsExport } from '../../../src/cli/commands/statements-export.js';
import { statementsMarkPayable } from '../../../src/cli/commands/statements-mark-payable.js';
import { statementsShow } from '../../../src/cli/commands/statements-show.js';
import type { CliCommand } from '../../../src/cli/command.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement } from '../../support/factories.js';
import { createContract, daysFromToday } from './statement-world.js';

const dir = await mkdtemp(join(tmpdir(), 'statements-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const EXAMPLE = fileURLToPath(new URL('../../../seeds/examples/statement-calculation.json', import.meta.url));

async function run(command: CliCommand, options: Record<string, string>) {
  const lines: string[] = [];
  const result = await command.run({ options, positional: [] }, { say: (line) => lines.push(line) });
  return { lines, result };
}

/** `npm run cli -- ...` as a user runs it, against this test's database. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

async function inputFile(name: string, input: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(input));
  return file;
}

const band = (min: number | null, max: number, perParticipant: string) => ({ min, max, perParticipant });
const MINIMAL_CONTRACT = {
  recruitmentTarget: 6000, setUpFee: '149651', upliftAmount: '100',
  bands: [band(null, 2, '400'), band(3, 4, '300'), band(5, 6, '200'), band(7, 8, '100')],
};

describe('statements:show', () => {
  it("prints a named statement's breakdown, and with --json exactly its eight figures as the last line", async () => {
    const world = await createParticipantWorld(2023);
    await createContract(world.leadProvider, world.cohort, { monthlyServiceFee: '1000' });
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'May 2024', deadlineDate: daysFromToday(5) });
    await createDeclaration(await createParticipant(world, { fullName: 'Ada Lovelace' }), world.leadProvider, { statement, state: 'eligible' });
    const names = { 'lead-provider': world.leadProvider.name, cohort: '2023', statement: 'May 2024' };

    const shown = await run(statementsShow, names);
    expect(shown.lines).toContain(`${world.leadProvider.name}, 2023 cohort, May 2024 (open)`);
    expect(shown.lines.find((l) => l.trim().startsWith('Started'))).toBe('  Started (band A): 1 × £48.00 = £48.00');
    expect(shown.lines.at(-1)).toMatch(/^ {2}Total\s+£1,257\.60$/);

    const { code, stdout } = await cli('statements:show', '--lead-provider', world.leadProvider.name, '--cohort', '2023', '--statement', 'May 2024', '--json');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      '{"outputFee": "48.00", "serviceFee": "1000.00", "upliftFee": "0.00", "clawbacks": "0.00", "adjustments": "0.00", "totalExVat": "1048.00", "vat": "209.60", "total": "1257.60"}',
    );

    await expect(run(statementsShow, { ...names, statement: 'June 2024' })).rejects.toThrow(`Statement "June 2024" of ${world.leadProvider.name} in the 2023 cohort not found`);
    await expect(run(statementsShow, { ...names, 'lead-provider': 'Nobody' })).rejects.toThrow('Lead provider "Nobody" not found');
  });
});

describe('statements:calculate --input', () => {
  it('matches worked example #12 to the penny: uplifts, clawbacks, additional adjustments and VAT', async () => {
    const file = await inputFile('example-12.json', {
      calculator: 'ecf',
      contract: MINIMAL_CONTRACT,
      uplifts: { billable: 4, refundable: 2 },
      adjustments: [{ name: 'Big amount', amount: '999.99' }, { name: 'Negative amount', amount: '-500.0' }, { name: 'Another amount', amount: '300.0' }],
      vatChargeable: true,
    });
    const { result } = await run(statementsCalculate, { input: file });
    // −5,132.7931 service fee + £400 uplift − £200 uplift clawbacks + £799.99 = −4,132.8031; × 1.2 = −4,959.36372.
    expect(result.figures).toEqual({
      outputFee: '0.00', serviceFee: '-5132.79', upliftFee: '400.00', clawbacks: '-200.00', adjustments: '799.99',
      totalExVat: '-4132.80', vat: '-826.56', total: '-4959.36',
    });
    expect((result.result as { serviceFee: string }).serviceFee).toMatch(/^-5132\.7931034482758620689655/);
    // Beside them, the calculator's exact figures: the DfE's worked example to the last digit.
    expect(result.exactFigures).toMatchObject({ totalExVat: expect.stringMatching(/^-4132\.80310344827586/), total: expect.stringMatching(/^-4959\.36372413793103/) });
  });

  it('matches worked examples #9 (standard service fee) and #17 (mentors) through the command line', async () => {
    const standard = await inputFile('example-9.json', {
      calculator: 'ecf',
      contract: { recruitmentTarget: 6000, setUpFee: '149651', monthlyServiceFee: null, upliftAmount: '100', bands: [band(null, 2000, '995'), band(2001, 4000, '979'), band(4001, 6000, '966')] },
      vatChargeable: false,
    });
    const mentor = await inputFile('example-17.json', {
      calculator: 'mentor',
      paymentPerParticipant: '1000',
      declarations: { started: { billable: 5, refundable: 2 }, completed: { billable: 3, refundable: 1 } },
      vatChargeable: true,
    });
    const last = (stdout: string) => JSON.parse(stdout.trimEnd().split('\n').at(-1)!) as { ok: boolean; figures: Record<string, string> };

    const nine = await cli('statements:calculate', '--input', standard, '--json');
    expect(last(nine.stdout)).toMatchObject({ ok: true, figures: { serviceFee: '75943.07', total: '75943.07', vat: '0.00' } });
    const seventeen = await cli('statements:calculate', '--input', mentor, '--json');
    expect(last(seventeen.stdout).figures).toMatchObject({ outputFee: '4000.00', clawbacks: '-1500.00', totalExVat: '2500.00', total: '3000.00' });
  });

  it('prints the breakdown of the example input in seeds/examples', async () => {
    const { lines, result } = await run(statementsCalculate, { input: EXAMPLE });
    expect(lines).toContain('  Clawback for Started (Band: C): 1 × -£24.00 = -£24.00');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}Total\s+-£4,854\.96$/));
    expect(lines.at(-1)).toMatch(/^ {2}Total\s+-4854\.9637\d?$/);
    expect(result.figures).toMatchObject({ outputFee: '123.00', clawbacks: '-236.00', totalExVat: '-4045.80', total: '-4854.96' });
  });

  it('refuses an input it cannot check, naming each field and what it needs', async () => {
    const file = await inputFile('bad.json', {
      calculator: 'ecf',
      contract: { ...MINIMAL_CONTRACT, setUpFee: 'lots', bands: [] },
      declarations: { 'retained-9': {} },
      vatChargable: true,
    });
    const { code, stderr } = await cli('statements:calculate', '--input', file);
    expect(code).toBe(1);
    expect(stderr).not.toContain('Error:');
    expect(stderr).toContain('contract.setUpFee: Give an amount in pounds, like "1234.56"');
    expect(stderr).toContain('contract.bands: Give at least one band');
    expect(stderr).toContain('declarations.retained-9: Unknown declaration type "retained-9"');
    expect(stderr).toContain('vatChargeable: Give true or false');
    expect(stderr).toContain('vatChargable: Unknown field: check its spelling');
    await expect(run(statementsCalculate, { input: join(dir, 'missing.json') })).rejects.toThrow(/Cannot read .*missing\.json: ENOENT/);
  });
});

describe('statements:export and statements:mark-payable', () => {
  it('write the xlsx and CSV, and make a statement past its cut off payable', async () => {
    const world = await createParticipantWorld(2023);
    await createContract(world.leadProvider, world.cohort, { monthlyServiceFee: '1000' });
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'May 2024', deadlineDate: daysFromToday(-1) });
    await createDeclaration(await createParticipant(world, { fullName: 'Ada Lovelace' }), world.leadProvider, { statement, state: 'eligible' });

    const csv = join(dir, 'declarations.csv');
    expect((await run(statementsExport, { statement: statement.id, csv })).result).toEqual({ file: csv, rows: 1 });
    expect(await readFile(csv, 'utf8')).toContain('Ada Lovelace');
    const xlsx = join(dir, 'statement.xlsx');
    expect((await run(statementsExport, { statement: statement.id, xlsx })).result).toEqual({ file: xlsx, total: '1257.60' });
    expect((await readFile(xlsx)).subarray(0, 2).toString()).toBe('PK');
    await expect(run(statementsExport, { statement: statement.id })).rejects.toThrow('Give one of --xlsx FILE or --csv FILE');

    const marked = await run(statementsMarkPayable, {});
    expect(marked.result).toEqual({ statements: [{ id: statement.id, name: 'May 2024', declarationsMadePayable: 1 }] });
  });
});
