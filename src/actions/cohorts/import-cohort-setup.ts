// The yearly cohort set-up (the DfE's CreateNewECFCohort import): any of the six files, applied in
// order in ONE transaction, so a later file can use what an earlier one creates and any problem anywhere
// leaves everything as it was. A preview runs exactly the same steps and rolls them back.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ImportProblem } from '../../reports/csv/read-csv.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { importCohortFile } from './cohort-setup/cohort-file.js';
import { importCohortLeadProviderFile } from './cohort-setup/cohort-lead-provider-file.js';
import { importContractFile } from './cohort-setup/contract-file.js';
import { CohortSetupImportRefused } from './cohort-setup/import-refused.js';
import { ImportRun, type CohortSetupFileKind, type FileSummary, type UploadedCsv } from './cohort-setup/import-run.js';
import { importMentorContractFile } from './cohort-setup/mentor-contract-file.js';
import { importScheduleFile } from './cohort-setup/schedule-file.js';
import { importStatementFile } from './cohort-setup/statement-file.js';

const MAX_BYTES = 20 * 1024 * 1024;

export const COHORT_SETUP_IMPORTED = 'cohort_setup.imported';

const Upload = z.object({
  name: z.string().trim().min(1, 'Give the file a name'),
  content: z
    .union([z.string(), z.instanceof(Uint8Array)])
    .refine((content) => content.length <= MAX_BYTES, 'The file is larger than 20 MB'),
});

export const ImportCohortSetupInput = z.object({
  files: z
    .object({
      cohort: Upload.optional(),
      cohortLeadProvider: Upload.optional(),
      contract: Upload.optional(),
      mentorContract: Upload.optional(),
      schedule: Upload.optional(),
      statement: Upload.optional(),
    })
    .refine((files) => Object.values(files).some(Boolean), 'Choose at least one file'),
  mode: z.enum(['preview', 'apply']).default('preview'),
});

export interface CohortSetupImportResult {
  mode: 'preview' | 'apply';
  /** True only when the import was written. */
  applied: boolean;
  /** What each given file creates, updates, leaves unchanged or skips, in import order. */
  files: FileSummary[];
  /** Every problem, by file then line. Any problem means nothing is (or would be) written. */
  problems: ImportProblem[];
  /** Things worth checking that do not stop the import. */
  warnings: ImportProblem[];
}

/** The files apply in this order: each may refer to what the ones before it create. */
const STEPS: [CohortSetupFileKind, (run: ImportRun, upload: UploadedCsv) => Promise<void>][] = [
  ['cohort', importCohortFile],
  ['cohortLeadProvider', importCohortLeadProviderFile],
  ['contract', importContractFile],
  ['mentorContract', importMentorContractFile],
  ['schedule', importScheduleFile],
  ['statement', importStatementFile],
];

/** Carries a finished run out of a transaction that must not commit (a preview, or problems found). */
class RollBack extends Error {
  constructor(readonly result: CohortSetupImportResult) {
    super('rolled back');
  }
}

export async function importCohortSetup(ctx: ActorContext, raw: unknown): Promise<CohortSetupImportResult> {
  const parsed = ImportCohortSetupInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'files', message: issue.message }));
    throw new ActionError('INVALID_INPUT', 'Choose the files to import', fieldErrors);
  }
  const { files, mode } = parsed.data;
  requirePermission(ctx, 'cohorts.import');
  const today = todayInEngland(new Date());

  try {
    return await db().$transaction(
      async (tx) => {
        // Two imports at once could each miss what the other is creating.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${COHORT_SETUP_IMPORTED}))`;
        const run = new ImportRun(tx, ctx, today);
        for (const [kind, importFile] of STEPS) {
          const upload = files[kind];
          if (upload) await importFile(run, upload);
        }
        const result: CohortSetupImportResult = {
          mode,
          applied: false,
          files: run.files,
          problems: byFileThenLine(run, run.problems),
          warnings: byFileThenLine(run, run.warnings),
        };
        if (mode === 'preview' || result.problems.length > 0) throw new RollBack(result);

        await recordAudit(tx, ctx, {
          action: COHORT_SETUP_IMPORTED,
          subjectType: 'CohortSetupImport',
          subjectId: randomUUID(),
          after: { files: run.files.map(({ kind, file, rows, counts }) => ({ kind, file, rows, counts })), warnings: result.warnings.length },
          reason: `Cohort setup import of ${run.files.map((summary) => summary.file).join(', ')}`,
        });
        return { ...result, applied: true };
      },
      // The full calendar is a few thousand rows; the default 5 seconds is too short for it.
      { maxWait: 10_000, timeout: 300_000 },
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    if (mode === 'apply') throw new CohortSetupImportRefused(error.result.problems);
    return error.result;
  }
}

function byFileThenLine(run: ImportRun, problems: ImportProblem[]): ImportProblem[] {
  const order = new Map(run.files.map((summary, index) => [summary.file, index]));
  const rank = (problem: ImportProblem) => order.get(problem.file) ?? order.size;
  return [...problems].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

/** Statement states follow the calendar date in England. */
function todayInEngland(now: Date): Date {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return new Date(`${ymd}T00:00:00Z`);
}
