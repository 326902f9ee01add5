// Every importer against corrupted variants of real files: after each, nothing was written unless the
// importer accepted the file, every refusal names the file and a line of it, and files no correct importer
// could accept are refused. Each run draws 240 variants per importer (every kind of damage more than
// once for every file) from one seed: the same one in every CI run, so a run is red only for a change
// of ours. FUZZ_SEED=random draws a new seed (to hunt for more), a failure names its seed and
// FUZZ_SEED=<seed> replays it; FUZZ_VARIANTS=1000 runs longer.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { userContext } from '../support/factories.js';
import { db } from '../../src/db/client.js';
import { ActionError } from '../../src/actions/errors.js';
import { importCohortSetup } from '../../src/actions/cohorts/import-cohort-setup.js';
import { importPupilPremium } from '../../src/actions/schools/import-pupil-premium.js';
import type { CohortSetupFileKind } from '../../src/actions/cohorts/cohort-setup/import-run.js';
import type { ImportProblem } from '../../src/reports/csv/read-csv.js';
import { calendarFiles, createDfeLeadProviders } from '../actions/cohorts/cohort-setup-files.js';
import { corruptedVariants, type CsvShape, type Variant } from './corrupt-csv.js';

const VARIANTS = Number(process.env.FUZZ_VARIANTS ?? 240);
// a6c531d6 found a refusal naming line 2 of a file that is one header line with no line break.
const SEED = process.env.FUZZ_SEED === 'random' ? randomBytes(4).toString('hex') : (process.env.FUZZ_SEED ?? 'a6c531d6');
const policy = userContext('policy');

/** A fingerprint of every row of the tables, to prove an import changed nothing. */
async function fingerprint(tables: string[]): Promise<string> {
  const parts = await Promise.all(
    tables.map((table) => db().$queryRawUnsafe<{ digest: string | null }[]>(`SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS digest FROM ${table} t`)),
  );
  return parts.map(([{ digest }]) => digest ?? '-').join(',');
}

/** Copies of the tables as they are now, and a way back to them after an import that was accepted. */
async function keepCopies(tables: string[]): Promise<() => Promise<void>> {
  for (const table of tables) await db().$executeRawUnsafe(`DROP TABLE IF EXISTS fuzz_copy_${table}`);
  for (const table of tables) await db().$executeRawUnsafe(`CREATE TABLE fuzz_copy_${table} AS TABLE ${table}`);
  return async () => {
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`TRUNCATE ${tables.join(', ')} CASCADE`);
      for (const table of tables) await tx.$executeRawUnsafe(`INSERT INTO ${table} SELECT * FROM fuzz_copy_${table}`);
    });
  };
}

interface Outcome {
  accepted: boolean;
  problems: ImportProblem[];
}

async function attempt(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    await work();
    return { accepted: true, problems: [] };
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    const problems = (error as ActionError & { problems?: ImportProblem[] }).problems;
    if (!problems) throw new Error(`Refused without line-numbered problems: ${error.message}`);
    return { accepted: false, problems };
  }
}

/** What a reader would object to in a refusal, or null when it is sound. */
function unsoundRefusal(variant: Variant, fileName: string, problems: ImportProblem[]): string | null {
  if (problems.length === 0) return 'refused with no problems listed';
  const lines = variant.content.toString('latin1').split(/\r\n|\n|\r/).length;
  for (const problem of problems) {
    if (problem.file !== fileName) return `a problem names file ${problem.file}`;
    if (!Number.isInteger(problem.line) || problem.line < 1 || problem.line > lines) return `a problem names line ${problem.line} of ${lines}`;
    if (!problem.message?.trim()) return 'a problem has no message';
  }
  return null;
}

interface FuzzCase<K = undefined> {
  fileName: string;
  variant: Variant;
  kind: K;
}

/**
 * Feeds each variant to `importFile`; after each, the tables are as they were unless it was accepted
 * (then they are put back). Returns what went wrong, one line per variant, so one failure shows them all.
 */
async function fuzz<K>(cases: FuzzCase<K>[], tables: string[], importFile: (c: FuzzCase<K>) => Promise<unknown>) {
  const restore = await keepCopies(tables);
  const before = await fingerprint(tables);
  const wrong: string[] = [];
  let accepted = 0;
  for (const c of cases) {
    const { fileName, variant } = c;
    const outcome = await attempt(() => importFile(c));
    const after = await fingerprint(tables);
    if (outcome.accepted) {
      accepted++;
      if (variant.mustRefuse) wrong.push(`FUZZ_SEED=${SEED} ${fileName} ${variant.label}: accepted`);
      if (after !== before) await restore();
      continue;
    }
    if (after !== before) wrong.push(`FUZZ_SEED=${SEED} ${fileName} ${variant.label}: refused but the tables changed`);
    const unsound = unsoundRefusal(variant, fileName, outcome.problems);
    if (unsound) wrong.push(`FUZZ_SEED=${SEED} ${fileName} ${variant.label}: ${unsound}`);
  }
  return { wrong, accepted, refused: cases.length - accepted };
}

const SETUP_TABLES = ['cohorts', 'lead_provider_cohorts', 'call_off_contracts', 'participant_bands', 'mentor_call_off_contracts', 'schedules', 'milestones', 'statements', 'audit_events'];

const LEAD_PROVIDER = { column: 'lead-provider-name', unknown: 'Unheard Of Training Ltd', unknownIsError: true };
const year = (column: string) => ({ column, unknown: '2099', unknownIsError: true });

const SETUP_SHAPES: Record<CohortSetupFileKind, CsvShape> = {
  cohort: {
    dateColumns: ['registration-start-date', 'academic-year-start-date', 'automatic-assignment-period-end-date', 'payments-frozen-at'],
    references: [],
    requiredHeaders: ['start-year', 'registration-start-date', 'academic-year-start-date'],
    nonBlankColumns: ['start-year', 'registration-start-date', 'academic-year-start-date'],
    strictColumns: ['start-year', 'registration-start-date', 'academic-year-start-date', 'automatic-assignment-period-end-date'],
  },
  cohortLeadProvider: {
    dateColumns: [],
    references: [LEAD_PROVIDER, year('cohort-start-year')],
    requiredHeaders: ['lead-provider-name', 'cohort-start-year'],
    nonBlankColumns: ['lead-provider-name', 'cohort-start-year'],
    strictColumns: ['cohort-start-year'],
  },
  contract: {
    dateColumns: [],
    references: [LEAD_PROVIDER, year('cohort-start-year')],
    requiredHeaders: ['lead-provider-name', 'cohort-start-year', 'recruitment-target', 'band-a-per-participant'],
    nonBlankColumns: ['lead-provider-name', 'cohort-start-year', 'recruitment-target', 'band-a-per-participant'],
    strictColumns: ['cohort-start-year', 'recruitment-target', 'band-a-per-participant', 'uplift-amount'],
  },
  mentorContract: {
    dateColumns: [],
    references: [LEAD_PROVIDER, year('cohort-start-year')],
    requiredHeaders: ['lead-provider-name', 'cohort-start-year', 'recruitment-target'],
    // A blank payment per participant takes the DfE's default.
    nonBlankColumns: ['lead-provider-name', 'cohort-start-year', 'recruitment-target'],
    strictColumns: ['cohort-start-year', 'recruitment-target', 'payment-per-participant'],
  },
  schedule: {
    dateColumns: ['milestone-start-date', 'milestone-date', 'milestone-payment-date'],
    references: [year('schedule-cohort-year')],
    requiredHeaders: ['type', 'schedule-identifier', 'schedule-cohort-year', 'milestone-declaration-type', 'milestone-start-date'],
    nonBlankColumns: ['type', 'schedule-identifier', 'schedule-cohort-year', 'milestone-declaration-type', 'milestone-start-date'],
    strictColumns: ['schedule-cohort-year', 'milestone-declaration-type', 'milestone-start-date'],
  },
  statement: {
    dateColumns: ['deadline_date', 'payment_date'],
    references: [year('cohort')],
    requiredHeaders: ['type', 'name', 'cohort', 'deadline_date', 'payment_date'],
    // A row of another type is reported and left out, as the DfE's importer does.
    nonBlankColumns: ['name', 'cohort', 'deadline_date', 'payment_date'],
    strictColumns: ['cohort', 'deadline_date', 'payment_date'],
  },
};

/** The first `rows` data rows of a file: enough to corrupt in every way, small enough for a thousand imports. */
function head(content: Uint8Array | string, rows: number): Buffer {
  const lines = (typeof content === 'string' ? content : Buffer.from(content).toString()).replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
  return Buffer.from(`${lines.slice(0, rows + 1).join('\n')}\n`);
}

describe('import fuzzing', () => {
  // Both importers start from the real calendar (the pupil premium import needs its 2024 cohort), set up
  // here rather than by the first test so that either test runs alone or first.
  beforeAll(async () => {
    await createDfeLeadProviders();
    await importCohortSetup(policy, { files: calendarFiles(), mode: 'apply' });
  });

  describe('cohort set-up', () => {
    it('writes nothing for a refused file, names a line for every problem, and refuses what must be refused', async () => {
      const files = calendarFiles();
      const kinds = Object.keys(SETUP_SHAPES) as CohortSetupFileKind[];
      const cases = kinds.flatMap((kind, k) => {
        const count = Math.floor(VARIANTS / kinds.length) + (k < VARIANTS % kinds.length ? 1 : 0);
        const file = files[kind]!;
        return corruptedVariants(head(file.content, 12), SETUP_SHAPES[kind], count, `fuzz-${SEED}-${kind}`).map((variant) => ({ fileName: file.name, variant, kind }));
      });
      expect(cases).toHaveLength(VARIANTS);
      const result = await fuzz(cases, SETUP_TABLES, ({ kind, fileName, variant }) =>
        importCohortSetup(policy, { files: { [kind]: { name: fileName, content: variant.content } }, mode: 'apply' }));
      expect(result.wrong).toEqual([]);
      // The corruptions are mostly fatal; some (columns reordered, a repeated row) are fine.
      expect(result.refused).toBeGreaterThan(VARIANTS / 2);
      expect(result.accepted).toBeGreaterThan(0);
    }, 600_000);
  });

  describe('pupil premium and sparsity', () => {
    const FILE = 'pupil_premium_and_sparsity_2024.csv';
    const sample = head(readFileSync(new URL(`../../seeds/data/${FILE}`, import.meta.url)), 40);

    beforeAll(async () => {
      const urns = sample.toString().split('\n').slice(1).map((line) => line.split(',')[0]).filter(Boolean);
      await db().school.createMany({ data: urns.map((urn) => ({ urn, name: `School ${urn}` })) });
      await importPupilPremium(policy, { startYear: 2024, fileName: FILE, content: sample, mode: 'apply' });
    });

    it('writes nothing for a refused file, names a line for every problem, and refuses what must be refused', async () => {
      const shape: CsvShape = {
        dateColumns: [],
        // An unknown URN is reported and skipped, as the DfE's file lists schools outside this service.
        references: [{ column: 'URN', unknown: '999999', unknownIsError: false }],
        requiredHeaders: ['URN', 'Pupil Premium Incentive', 'Sparsity Incentive'],
        // A blank flag is the DfE's "not available": imported as 0, with a warning.
        nonBlankColumns: ['URN'],
        strictColumns: ['URN', 'Pupil Premium Incentive', 'Sparsity Incentive'],
      };
      const cases = corruptedVariants(sample, shape, VARIANTS, `fuzz-${SEED}-pupil-premium`).map((variant) => ({ fileName: FILE, variant, kind: undefined }));
      const result = await fuzz(cases, ['pupil_premiums', 'audit_events'], ({ fileName, variant }) =>
        importPupilPremium(policy, { startYear: 2024, fileName, content: variant.content, mode: 'apply' }));
      expect(result.wrong).toEqual([]);
      expect(result.refused).toBeGreaterThan(VARIANTS / 2);
      expect(result.accepted).toBeGreaterThan(0);
    }, 600_000);
  });
});
