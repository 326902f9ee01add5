// The yearly cohort set-up from the command line: imports any of the six DfE files (all in one
// transaction) unless --dry-run is given. With --json the last line is exactly the object the issue
// specifies (no `ok`), and any error exits with 1, nothing imported.
import path from 'node:path';
import { systemContext } from '../../actions/actor.js';
import { asActionError } from '../../actions/errors.js';
import { problemLine, resultEvenIfRefused, type ImportProblem } from '../../actions/imports/import-refused.js';
import {
  RECORD_KINDS_OF_FILE,
  emptyCounts,
  type CohortSetupFileKind,
  type FileSummary,
  type OutcomeCounts,
  type RecordKind,
  type UploadedCsv,
} from '../../actions/cohorts/cohort-setup/import-run.js';
import { importCohortSetup, type CohortSetupImportResult } from '../../actions/cohorts/import-cohort-setup.js';
import { CliUsageError, type CliCommand, type CliOutput } from '../command.js';
import { plural, readImportFile } from '../import-report.js';

const FILE_OPTIONS: Record<string, CohortSetupFileKind> = {
  cohort: 'cohort',
  'lead-providers': 'cohortLeadProvider',
  contracts: 'contract',
  'mentor-contracts': 'mentorContract',
  schedules: 'schedule',
  statements: 'statement',
};
const FLAGS = ['dry-run'];

/** Changes listed per file; the rest are counted. */
const SHOWN = 20;

interface PlacedError {
  file: string | null;
  line: number | null;
  column: string | null;
  message: string;
}

export interface CohortImportOutput extends Record<string, unknown> {
  applied: boolean;
  counts: Record<RecordKind, OutcomeCounts>;
  errors: PlacedError[];
}

export const cohortsImport: CliCommand = {
  name: 'cohort:import',
  summary: "Import the DfE's new cohort set-up files, all in one transaction (--dry-run to preview)",
  usage: '[--cohort F] [--lead-providers F] [--contracts F] [--mentor-contracts F] [--schedules F] [--statements F] [--dry-run] [--json]',
  rawJson: true,
  exitCode: (output) => ((output as CohortImportOutput).errors.length > 0 ? 1 : 0),
  async run(args, out) {
    // A mistyped option (--contract for --contracts) would otherwise import without that file.
    const unknown = Object.keys(args.options).filter((option) => !(option in FILE_OPTIONS) && !FLAGS.includes(option));
    if (unknown.length > 0) throw new CliUsageError(`Unknown option ${unknown.map((option) => `--${option}`).join(', ')}`);
    if (args.positional.length > 0) throw new CliUsageError(`Give each file after its option, e.g. --cohort ${args.positional[0]}`);

    const files: Partial<Record<CohortSetupFileKind, UploadedCsv>> = {};
    for (const [option, kind] of Object.entries(FILE_OPTIONS)) {
      const filePath = args.options[option];
      if (filePath === undefined) continue;
      if (filePath === 'true') throw new CliUsageError(`Give a file after --${option}`);
      const content = await readImportFile(filePath);
      files[kind] = { name: path.basename(filePath), content };
    }
    if (Object.keys(files).length === 0) throw new CliUsageError('Give at least one file to import');
    const mode = args.options['dry-run'] === 'true' ? 'preview' : 'apply';

    let result: CohortSetupImportResult;
    try {
      result = await resultEvenIfRefused(importCohortSetup(systemContext('CLI cohort:import'), { files, mode }));
    } catch (error) {
      return refusal(error, out);
    }
    report(result, out);
    return { applied: result.applied, counts: result.counts, errors: result.problems.map(placed) } satisfies CohortImportOutput;
  },
};

/** A refusal before any file was compared (a file too large): nothing imported. */
function refusal(error: unknown, out: CliOutput): CohortImportOutput {
  const refused = asActionError(error);
  if (!refused) throw error;
  const messages = refused.messages;
  for (const message of messages) out.say(`Error: ${message}. Nothing was imported.`);
  return { applied: false, counts: emptyCounts(), errors: messages.map((message) => ({ file: null, line: null, column: null, message })) };
}

function report(result: CohortSetupImportResult, out: CliOutput): void {
  const refused = result.problems.length > 0;
  out.say(
    result.applied
      ? 'Imported. Changes made:'
      : refused
        ? `The files have ${plural(result.problems.length, 'problem')}, so nothing was imported. Without them the import would make:`
        : 'Dry run: nothing has been written. This import would make:',
  );
  for (const kind of result.files.flatMap((file) => RECORD_KINDS_OF_FILE[file.kind])) {
    const { created, updated, unchanged } = result.counts[kind];
    out.say(`  ${kind}: ${created} created, ${updated} updated, ${unchanged} unchanged`);
  }
  for (const file of result.files) reportChanges(file, out);
  if (refused) {
    out.say(`Problems (${result.problems.length}):`);
    for (const problem of result.problems) out.say(`  ${problemLine(problem)}`);
  }
  if (result.warnings.length > 0) {
    out.say(`Warnings (${result.warnings.length}), which do not stop the import:`);
    for (const warning of result.warnings) out.say(`  ${problemLine(warning)}`);
  }
  if (!result.applied && !refused) out.say('Run again without --dry-run to import it.');
}

function reportChanges(file: FileSummary, out: CliOutput): void {
  const changes = file.items.filter((item) => item.outcome !== 'unchanged');
  if (changes.length === 0) return;
  out.say(`${file.file}:`);
  for (const item of changes.slice(0, SHOWN)) {
    out.say(`  line ${item.line}: ${item.outcome} ${item.record}${item.note ? ` (${item.note})` : ''}`);
  }
  if (changes.length > SHOWN) out.say(`  and ${changes.length - SHOWN} more`);
}

const placed = ({ file, line, column, message }: ImportProblem): PlacedError => ({ file, line, column: column ?? null, message });
