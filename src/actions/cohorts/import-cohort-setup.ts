// The yearly cohort set-up (the DfE's CreateNewECFCohort import): any of the six files, checked in order
// in ONE transaction, so a later file can use what an earlier one creates and any problem anywhere leaves
// everything as it was. The files are checked in memory against what the database holds (read in one
// query) and everything they change is written in one statement. A preview runs exactly the same steps,
// writes included, and rolls them back.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ImportProblem } from '../../reports/csv/read-csv.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { inputRefused } from '../errors.js';
import { RollBack } from '../roll-back.js';
import { readCsvFast } from '../schools/pupil-premium/read-csv-fast.js';
import { cohortFile } from './cohort-setup/cohort-file.js';
import { cohortLeadProviderFile } from './cohort-setup/cohort-lead-provider-file.js';
import { contractFile } from './cohort-setup/contract-file.js';
import { CohortSetupImportRefused } from './cohort-setup/import-refused.js';
import {
  ImportRun,
  RECORD_KINDS_OF_FILE,
  type CohortSetupFileKind,
  type FileStep,
  type FileSummary,
  type OutcomeCounts,
  type ReadFile,
  type RecordKind,
} from './cohort-setup/import-run.js';
import { loadKnownState } from './cohort-setup/known-state.js';
import { mentorContractFile } from './cohort-setup/mentor-contract-file.js';
import { scheduleFile } from './cohort-setup/schedule-file.js';
import { statementFile } from './cohort-setup/statement-file.js';
import { writeRows } from './cohort-setup/write-rows.js';
import { auditEvents } from '../audit/events.js';

const MAX_BYTES = 20 * 1024 * 1024;

export const COHORT_SETUP_IMPORTED = 'cohort_setup.imported' as const;

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
  /** For each kind of record: how many are (or would be) created, updated and left unchanged. */
  counts: Record<RecordKind, OutcomeCounts>;
  /** What each given file creates, updates or leaves unchanged, line by line, in import order. */
  files: FileSummary[];
  /** Every problem, by file then line. Any problem means nothing is (or would be) written. */
  problems: ImportProblem[];
  /** Things worth checking that do not stop the import. */
  warnings: ImportProblem[];
}

/** The files are checked in this order: each may refer to what the ones before it create. */
const STEPS: FileStep[] = [cohortFile, cohortLeadProviderFile, contractFile, mentorContractFile, scheduleFile, statementFile];

export async function importCohortSetup(ctx: ActorContext, raw: unknown): Promise<CohortSetupImportResult> {
  const parsed = ImportCohortSetupInput.safeParse(raw);
  if (!parsed.success) {
    throw inputRefused(parsed.error, 'Choose the files to import', undefined, 'files');
  }
  const { files, mode } = parsed.data;
  requirePermission(ctx, 'cohorts.import');
  const today = todayInEngland(new Date());
  // Reading the files needs no database, so it happens before the transaction and its lock. The DfE's files
  // have no quotes, so the quote-free reader (written for the pupil premium file) reads them in milliseconds.
  const read = new Map<CohortSetupFileKind, ReadFile>();
  for (const { kind, headers } of STEPS) {
    const upload = files[kind];
    if (upload) read.set(kind, { name: upload.name, csv: readCsvFast(upload.content, { file: upload.name, requiredHeaders: headers, refuseOtherHeaders: true }) });
  }

  try {
    return await db().$transaction(
      async (tx) => {
        // Two imports at once could each miss what the other is creating.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${COHORT_SETUP_IMPORTED}))`;
        const known = await loadKnownState(tx, { schedules: yearsIn(read.get('schedule'), 'schedule-cohort-year'), statements: yearsIn(read.get('statement'), 'cohort') });
        const run = new ImportRun(ctx, today, known);
        for (const step of STEPS) {
          const file = read.get(step.kind);
          if (file) step.plan(run, file.csv.rows, run.open(step.kind, file));
        }
        const result: CohortSetupImportResult = {
          mode,
          applied: false,
          counts: run.counts,
          files: run.files,
          problems: byFileThenLine(run, run.problems),
          warnings: byFileThenLine(run, run.warnings),
        };
        if (result.problems.length > 0) throw new RollBack(result);

        if (mode === 'apply') {
          run.audit(auditEvents.cohortSetupImported({
            subjectId: randomUUID(),
            after: { files: run.files.map(({ kind, file, rows }) => ({ kind, file, rows })), counts: countsOfFiles(run), warnings: result.warnings.length },
            reason: `Cohort setup import of ${run.files.map((summary) => summary.file).join(', ')}`,
          }));
        }
        await writeRows(tx, run.tableWrites(), run.now);
        if (mode === 'apply') await recordAudit(tx, ctx, ...run.auditEvents());
        if (mode === 'preview') throw new RollBack(result);
        return { ...result, applied: true };
      },
      // A file of many thousand rows may take longer than the default 5 seconds on a busy server.
      { maxWait: 10_000, timeout: 300_000 },
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    const result = error.result as CohortSetupImportResult;
    if (mode === 'apply') throw new CohortSetupImportRefused(result);
    return result;
  }
}

/** The cohort years a file's rows name, so that only those cohorts' schedules or statements are read. */
function yearsIn(file: ReadFile | undefined, column: string): number[] {
  const years = (file?.csv.rows ?? []).map((row) => Number(row.get(column)));
  return [...new Set(years.filter(Number.isInteger))];
}

/** The counts of the kinds of record the given files hold. */
function countsOfFiles(run: ImportRun): Partial<Record<RecordKind, OutcomeCounts>> {
  return Object.fromEntries(run.files.flatMap((file) => RECORD_KINDS_OF_FILE[file.kind].map((kind) => [kind, run.counts[kind]])));
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
