// The yearly pupil premium and sparsity update from the command line: a preview unless --apply is given.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { systemContext } from '../../actions/actor.js';
import { importPupilPremium, type PupilPremiumImportResult } from '../../actions/schools/import-pupil-premium.js';
import { importRefused } from '../../actions/schools/pupil-premium/import-refused.js';
import { unknownUrnsCsv } from '../../actions/schools/pupil-premium/unknown-urns-csv.js';
import type { ImportProblem } from '../../reports/csv/read-csv.js';
import { CliUsageError, requireOption, type CliCommand, type CliOutput } from '../command.js';

/** Beyond this many, warnings and unknown URNs are counted rather than printed (--json and the CSV have them all). */
const SHOWN = 20;

export const pupilPremiumImport: CliCommand = {
  name: 'pupil-premium:import',
  summary: "Preview, or with --apply import, the DfE's pupil premium and sparsity file for a cohort start year",
  usage: '--file F --start-year YYYY [--apply] [--unknown-urns-csv OUT]',
  async run(args, out) {
    const filePath = requireOption(args, 'file');
    const startYear = requireOption(args, 'start-year');
    if (!/^\d{4}$/.test(startYear)) throw new CliUsageError('--start-year must be a year, like 2024');
    const content = await readFile(filePath).catch(() => {
      throw new CliUsageError(`Cannot read the file ${filePath}`);
    });

    const result = await importPupilPremium(systemContext('CLI pupil-premium:import'), {
      startYear,
      fileName: path.basename(filePath),
      content,
      mode: args.options.apply === 'true' ? 'apply' : 'preview',
    });
    const csvPath = args.options['unknown-urns-csv'];
    if (csvPath && csvPath !== 'true') await writeFile(csvPath, unknownUrnsCsv(result.unknownUrns));
    report(result, out, csvPath);
    if (result.errors.length > 0) throw importRefused(result.errors);

    return {
      applied: result.applied,
      rows: result.rows,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      unknownUrns: result.unknownUrns.map(({ urn }) => urn),
      warnings: result.warnings.map(located),
      errors: result.errors.map(located),
    };
  },
};

function report(result: PupilPremiumImportResult, out: CliOutput, csvPath: string | undefined): void {
  const { pupilPremium, sparsity } = result.flags;
  out.say(result.applied
    ? `Imported ${result.file} for the ${result.startYear} cohort.`
    : `Preview of ${result.file} for the ${result.startYear} cohort: nothing has been written.`);
  out.say(`${result.rows} rows. Schools: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`);
  out.say(`Pupil premium: ${pupilPremium.set} set, ${pupilPremium.unset} unset. Sparsity: ${sparsity.set} set, ${sparsity.unset} unset.`);
  if (result.unknownUrns.length > 0) {
    const shown = result.unknownUrns.slice(0, SHOWN).map(({ urn, lines }) => `${urn} (line ${lines.join(', ')})`);
    const more = result.unknownUrns.length > SHOWN ? `, and ${result.unknownUrns.length - SHOWN} more` : '';
    const count = result.unknownUrns.length === 1 ? '1 URN is not one of our schools and was' : `${result.unknownUrns.length} URNs are not our schools and were`;
    out.say(`${count} left out: ${shown.join(', ')}${more}.`);
    out.say(csvPath && csvPath !== 'true' ? `All of them are in ${csvPath}.` : 'List them all with --unknown-urns-csv OUT.');
  }
  if (result.warnings.length > 0) {
    out.say(`Warnings (${result.warnings.length}):`);
    for (const warning of result.warnings.slice(0, SHOWN)) out.say(`  ${where(warning)}: ${warning.message}`);
    if (result.warnings.length > SHOWN) out.say(`  and ${result.warnings.length - SHOWN} more (use --json to see them all)`);
  }
  if (!result.applied && result.errors.length === 0) out.say('Run again with --apply to import it.');
}

const where = ({ line, column }: ImportProblem) => `line ${line}${column ? `, ${column}` : ''}`;

const located = ({ line, column, message }: ImportProblem) => ({ line, column: column ?? null, message });
