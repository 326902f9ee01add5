// The yearly cohort set-up from the command line: a preview of any of the six DfE files unless --apply is given.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { systemContext } from '../../actions/actor.js';
import { CohortSetupImportRefused, problemPlace } from '../../actions/cohorts/cohort-setup/import-refused.js';
import type { CohortSetupFileKind, FileSummary, UploadedCsv } from '../../actions/cohorts/cohort-setup/import-run.js';
import { importCohortSetup, type CohortSetupImportResult } from '../../actions/cohorts/import-cohort-setup.js';
import { CliUsageError, type CliCommand, type CliOutput } from '../command.js';

const OPTIONS: Record<string, CohortSetupFileKind> = {
  cohort: 'cohort',
  'cohort-lead-provider': 'cohortLeadProvider',
  contract: 'contract',
  'mentor-contract': 'mentorContract',
  schedule: 'schedule',
  statement: 'statement',
};

/** Items listed per file without --details (unchanged ones are only counted). */
const SHOWN = 20;

export const cohortsImport: CliCommand = {
  name: 'cohorts:import',
  summary: "Preview, or with --apply import, the DfE's new cohort set-up files (all in one transaction)",
  usage: '[--cohort F] [--cohort-lead-provider F] [--contract F] [--mentor-contract F] [--schedule F] [--statement F] [--apply] [--details]',
  async run(args, out) {
    const files: Partial<Record<CohortSetupFileKind, UploadedCsv>> = {};
    for (const [option, kind] of Object.entries(OPTIONS)) {
      const filePath = args.options[option];
      if (filePath === undefined) continue;
      if (filePath === 'true') throw new CliUsageError(`Give a file after --${option}`);
      const content = await readFile(filePath).catch(() => {
        throw new CliUsageError(`Cannot read the file ${filePath}`);
      });
      files[kind] = { name: path.basename(filePath), content };
    }
    if (Object.keys(files).length === 0) throw new CliUsageError('Give at least one file to import');

    const result = await importCohortSetup(systemContext('CLI cohorts:import'), {
      files,
      mode: args.options.apply === 'true' ? 'apply' : 'preview',
    });
    report(result, out, args.options.details === 'true');
    if (result.problems.length > 0) throw new CohortSetupImportRefused(result.problems);

    return {
      applied: result.applied,
      files: result.files.map(({ kind, file, rows, counts }) => ({ kind, file, rows, ...counts })),
      warnings: result.warnings,
      problems: result.problems,
    };
  },
};

function report(result: CohortSetupImportResult, out: CliOutput, details: boolean): void {
  out.say(result.applied ? 'Imported. Changes made:' : 'Preview: nothing has been written. This import would make:');
  for (const file of result.files) reportFile(file, out, details);
  if (result.warnings.length > 0) {
    out.say(`Warnings (${result.warnings.length}), which do not stop the import:`);
    for (const warning of result.warnings) out.say(`  ${problemPlace(warning)}: ${warning.message}`);
  }
  if (!result.applied && result.problems.length === 0) out.say('Run again with --apply to import it.');
}

function reportFile(file: FileSummary, out: CliOutput, details: boolean): void {
  const { created, updated, unchanged, skipped } = file.counts;
  out.say(`${file.file} (${file.rows} rows): ${created} created, ${updated} updated, ${unchanged} unchanged, ${skipped} skipped`);
  const items = details ? file.items : file.items.filter((item) => item.outcome !== 'unchanged');
  for (const item of items.slice(0, details ? undefined : SHOWN)) {
    out.say(`  line ${item.line}: ${item.outcome} ${item.record}${item.note ? ` (${item.note})` : ''}`);
  }
  if (items.length > SHOWN && !details) out.say(`  and ${items.length - SHOWN} more (use --details to list every item)`);
}
