// The statement CLI commands (run directly: registering them is the integrator's job).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { statementsCalculate } from '../../../src/cli/commands/statements-calculate.js';
import { statementsExport } from '../../../src/cli/commands/statements-export.js';
import { statementsMarkPayable } from '../../../src/cli/commands/statements-mark-payable.js';
import { createDeclaration, createParticipant, createParticipantWorld, createStatement } from '../../support/factories.js';
import { createContract, daysFromToday } from './statement-world.js';

const dir = await mkdtemp(join(tmpdir(), 'statements-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(command: typeof statementsCalculate, options: Record<string, string>) {
  const lines: string[] = [];
  const result = await command.run({ options, positional: [] }, { say: (line) => lines.push(line) });
  return { lines, result };
}

describe('statement commands', () => {
  it('calculate, export and mark payable', async () => {
    const world = await createParticipantWorld(2023);
    await createContract(world.leadProvider, world.cohort, { monthlyServiceFee: '1000' });
    const statement = await createStatement(world.leadProvider, world.cohort, { name: 'May 2024', deadlineDate: daysFromToday(-1) });
    await createDeclaration(await createParticipant(world, { fullName: 'Ada Lovelace' }), world.leadProvider, { statement, state: 'eligible' });

    const calculated = await run(statementsCalculate, { statement: statement.id });
    expect(calculated.lines).toContain(`  ${'Output payment'.padEnd(22)}  ${'£48.00'.padStart(16)}`);
    expect(calculated.lines.at(-1)).toMatch(/Total\s+£1,257\.60$/);
    expect(calculated.result).toMatchObject({ kind: 'ecf', summary: { total: '1257.6' } });

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
