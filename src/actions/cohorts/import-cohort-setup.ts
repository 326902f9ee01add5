// The yearly cohort set-up (the DfE's CreateNewECFCohort import): any of the six files, checked in order
// in ONE transaction, so a later file can use what an earlier one creates and any problem anywhere leaves
// everything as it was. The files are checked in memory against what the database holds (read in one
// query) and everything they change is written in one statement. A preview runs exactly the same steps,
// writes included, and rolls them back (src/actions/imports/run-import.ts; problems refuse an apply: ImportRefused).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { inputRefused } from '../errors.js';
import type { ImportProblem } from '../imports/import-refused.js';
import { prismaTransaction } from '../imports/import-transaction.js';
import { runImport } from '../imports/run-import.js';
import { readCsvFast } from '../schools/pupil-premium/read-csv-fast.js';
import { cohortFile } from './cohort-setup/cohort-file.js';
import { cohortLeadProviderFile } from './cohort-setup/cohort-lead-provider-file.js';
import { contractFile } from './cohort-setup/contract-file.js';
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

  return runImport(ctx, mode, {
    // Two imports at once could each miss what the other is creating.
    lock: [COHORT_SETUP_IMPORTED],
    transaction: prismaTransaction({ maxWait: 10_000 }),
    // The DfE's files have no quotes, so the quote-free reader (written for the pupil premium file) reads them in milliseconds.
    read() {
      const read = new Map<CohortSetupFileKind, ReadFile>();
      for (const { kind, headers } of STEPS) {
        const upload = files[kind];
        if (upload) read.set(kind, { name: upload.name, csv: readCsvFast(upload.content, { file: upload.name, requiredHeaders: headers, refuseOtherHeaders: true }) });
      }
      return read;
    },
    // The staging set is in memory: what the database holds (read in one query), which each file then extends.
    async stage(tx, read) {
      const known = await loadKnownState(tx, { schedules: yearsIn(read.get('schedule'), 'schedule-cohort-year'), statements: yearsIn(read.get('statement'), 'cohort') });
      return { read, run: new ImportRun(ctx, today, known) };
    },
    async compare(_tx, { read, run }) {
      for (const step of STEPS) {
        const file = read.get(step.kind);
        if (file) step.plan(run, file.csv.rows, run.open(step.kind, file));
      }
      return {
        mode,
        applied: false,
        counts: run.counts,
        files: run.files,
        problems: byFileThenLine(run, run.problems),
        warnings: byFileThenLine(run, run.warnings),
      } satisfies CohortSetupImportResult;
    },
    problems: (result) => result.problems,
    // A preview writes too, and rolls back: the database checks what it would check on an apply.
    rehearseWrites: true,
    async apply(tx, { run }) {
      await writeRows(tx, run.tableWrites(), run.now);
      await recordAudit(tx, ctx, ...run.auditEvents());
    },
    audit: ({ run }, result) => auditEvents.cohortSetupImported({
      subjectId: randomUUID(),
      after: { files: run.files.map(({ kind, file, rows }) => ({ kind, file, rows })), counts: countsOfFiles(run), warnings: result.warnings.length },
      reason: `Cohort setup import of ${run.files.map((summary) => summary.file).join(', ')}`,
    }),
  });
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
