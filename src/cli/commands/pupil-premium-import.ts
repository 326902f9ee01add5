// The yearly pupil premium and sparsity update from the command line: imports unless --dry-run is given.
// With --json the last line is exactly the object the issue specifies (no `ok`), and errors exit with 1.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { systemContext } from '../../actions/actor.js';
import { asActionError } from '../../actions/errors.js';
import { importPupilPremium, type PupilPremiumImportResult } from '../../actions/schools/import-pupil-premium.js';
import { problemLine, resultEvenIfRefused, type ImportProblem } from '../../actions/imports/import-refused.js';
import { unknownUrnsCsv } from '../../actions/schools/pupil-premium/unknown-urns-csv.js';
import { CliUsageError, requireOption, type CliCommand, type CliOutput } from '../command.js';
import { plural, readImportFile } from '../import-report.js';

/** Beyond this many, warnings and unknown URNs are counted rather than printed (--json and the CSV have them all). */
const SHOWN = 20;

interface Located { line: number | null; column: string | null; message: string }

export interface PupilPremiumImportOutput extends Record<string, unknown> {
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  unknownUrns: string[];
  warnings: Located[];
  errors: Located[];
}

export const pupilPremiumImport: CliCommand = {
  name: 'pupil-premium:import',
  summary: "Import the DfE's pupil premium and sparsity file for a cohort start year (--dry-run to preview)",
  usage: '--file F --start-year YYYY [--dry-run] [--unknown-urns-csv OUT] [--json]',
  rawJson: true,
  exitCode: (output) => ((output as PupilPremiumImportOutput).errors.length > 0 ? 1 : 0),
  async run(args, out) {
    const filePath = requireOption(args, 'file');
    const startYear = requireOption(args, 'start-year');
    if (!/^\d{4}$/.test(startYear)) throw new CliUsageError('--start-year must be a year, like 2024');
    const content = await readImportFile(filePath);
    const mode = args.options['dry-run'] === 'true' ? 'preview' : 'apply';

    let result: PupilPremiumImportResult;
    try {
      result = await resultEvenIfRefused(importPupilPremium(systemContext('CLI pupil-premium:import'), { startYear, fileName: path.basename(filePath), content, mode }));
    } catch (error) {
      return refusal(error, out);
    }
    const csvPath = args.options['unknown-urns-csv'];
    if (csvPath && csvPath !== 'true') await writeFile(csvPath, unknownUrnsCsv(result.unknownUrns));
    report(result, out, csvPath);

    return {
      applied: result.applied,
      rows: result.rows,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      unknownUrns: result.unknownUrns.map(({ urn }) => urn),
      warnings: result.warnings.map(located),
      errors: result.errors.map(located),
    } satisfies PupilPremiumImportOutput;
  },
};

/** A refusal before the file was compared (a start year that is not a cohort): nothing read, nothing imported. */
function refusal(error: unknown, out: CliOutput): PupilPremiumImportOutput {
  const refused = asActionError(error);
  if (!refused) throw error;
  const messages = refused.messages;
  for (const message of messages) out.say(`Error: ${message}. Nothing was imported.`);
  return {
    applied: false, rows: 0, created: 0, updated: 0, unchanged: 0, unknownUrns: [], warnings: [],
    errors: messages.map((message) => ({ line: null, column: null, message })),
  };
}

function report(result: PupilPremiumImportResult, out: CliOutput, csvPath: string | undefined): void {
  const { pupilPremium, sparsity } = result.flags;
  const refused = result.errors.length > 0;
  out.say(result.applied
    ? `Imported ${result.file} for the ${result.startYear} cohort.`
    : refused
      ? `${result.file} has ${plural(result.errors.length, 'error')}, so nothing was imported. Correct the file and run again.`
      : `Dry run of ${result.file} for the ${result.startYear} cohort: nothing has been written.`);
  out.say(`${result.rows} rows. Schools: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`);
  out.say(`Pupil premium: ${pupilPremium.set} set, ${pupilPremium.unset} unset, ${pupilPremium.unchanged} unchanged. `
    + `Sparsity: ${sparsity.set} set, ${sparsity.unset} unset, ${sparsity.unchanged} unchanged.`);
  if (result.unknownUrns.length > 0) {
    const shown = result.unknownUrns.slice(0, SHOWN).map(({ urn, lines }) => `${urn} (line ${lines.join(', ')})`);
    const more = result.unknownUrns.length > SHOWN ? `, and ${result.unknownUrns.length - SHOWN} more` : '';
    const count = result.unknownUrns.length === 1 ? '1 URN is not one of our schools and was' : `${result.unknownUrns.length} URNs are not our schools and were`;
    out.say(`${count} left out: ${shown.join(', ')}${more}.`);
    out.say(csvPath && csvPath !== 'true' ? `All of them are in ${csvPath}.` : 'List them all with --unknown-urns-csv OUT.');
  }
  if (refused) {
    out.say(`Errors (${result.errors.length}):`);
    for (const error of result.errors) out.say(`  ${problemLine(error)}`);
  }
  if (result.warnings.length > 0) {
    out.say(`Warnings (${result.warnings.length}):`);
    for (const warning of result.warnings.slice(0, SHOWN)) out.say(`  ${problemLine(warning)}`);
    if (result.warnings.length > SHOWN) out.say(`  and ${result.warnings.length - SHOWN} more (use --json to see them all)`);
  }
  if (!result.applied && !refused) out.say('Run again without --dry-run to import it.');
}

const located = ({ line, column, message }: ImportProblem): Located => ({ line, column: column ?? null, message });
