// The school data refresh from GIAS's "all establishments" CSV: imports unless --dry-run is given.
// With --json the last line is the result object; a file with errors exits with 1 and imports nothing.
import path from 'node:path';
import { systemContext } from '../../actions/actor.js';
import { eligibilityChange, eligibilityChanges, fieldChanges } from '../../actions/schools/gias/describe-change.js';
import { importGias, type GiasChange, type GiasImportResult } from '../../actions/schools/import-gias.js';
import { problemLine, resultEvenIfRefused } from '../../actions/imports/import-refused.js';
import { requireOption, type CliCommand } from '../command.js';
import { plural, readImportFile } from '../import-report.js';

/** Beyond this many, changes are counted rather than printed (--json has them all). */
const SHOWN = 20;

export const schoolsImportGias: CliCommand = {
  name: 'schools:import-gias',
  summary: 'Refresh schools from GIAS\'s "all establishments" CSV: add, close and update (--dry-run to preview)',
  usage: '--file F [--dry-run] [--json]',
  exitCode: (result) => ((result as unknown as GiasImportResult).errors.length > 0 ? 1 : 0),
  async run(args, out) {
    const filePath = requireOption(args, 'file');
    const content = await readImportFile(filePath);
    const mode = args.options['dry-run'] === 'true' ? 'preview' : 'apply';
    const result = await resultEvenIfRefused(importGias(systemContext('CLI schools:import-gias'), { fileName: path.basename(filePath), content, mode }));

    if (result.errors.length > 0) {
      out.say(`${result.file} has ${plural(result.errors.length, 'error')}, so nothing was imported. Correct the file and run again.`);
      for (const error of result.errors) out.say(`  ${problemLine(error)}`);
      return { ...result };
    }
    out.say(result.applied ? `Imported ${result.file}.` : `Dry run of ${result.file}: nothing has been written.`);
    out.say(`${result.rows} establishments. Schools: ${result.toAdd.length} to add, ${result.toClose.length} to close, `
      + `${result.changed.length} changed, ${result.unchanged} unchanged; ${result.closedNotAdded} closed establishments we never had left out.`);
    const eligibility = eligibilityChanges(result);
    if (eligibility.length > 0) {
      out.say(`Eligibility changes (${eligibility.length}):`);
      for (const c of eligibility.slice(0, SHOWN)) out.say(`  ${c.urn} ${c.name}: ${eligibilityChange(c)}`);
    }
    for (const [label, list] of [['To close', result.toClose], ['Changed', result.changed]] as [string, GiasChange[]][]) {
      if (list.length === 0) continue;
      out.say(`${label} (${list.length}):`);
      for (const c of list.slice(0, SHOWN)) out.say(`  ${c.urn} ${c.name}: ${fieldChanges(c)}`);
      if (list.length > SHOWN) out.say(`  and ${list.length - SHOWN} more (use --json to see them all)`);
    }
    if (!result.applied) out.say('Run again without --dry-run to import it.');
    return { ...result };
  },
};
