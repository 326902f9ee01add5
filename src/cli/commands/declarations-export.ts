// npm run cli -- declarations:export --cohort YEAR --lead-provider NAME [--statement NAME] --out FILE [--json]
// The declarations CSV of a lead provider's statements in a cohort (or of one of them), written to FILE
// whole or not at all.
import path from 'node:path';
import { notFound } from '../../actions/errors.js';
import { StartYear } from '../../actions/zod.js';
import { db } from '../../db/client.js';
import { writeFileAtomically } from '../../reports/exports/local-file.js';
import { writeStatementDeclarationsCsv } from '../../reports/statements/declarations-csv.js';
import { writeProviderDeclarationsCsv } from '../../reports/statements/provider-declarations-csv.js';
import { CliUsageError, requireOption, type CliCommand } from '../command.js';

export const declarationsExport: CliCommand = {
  name: 'declarations:export',
  summary: "Write the declarations CSV of a lead provider's statements in a cohort (or of one statement) to a file",
  usage: '--cohort YEAR --lead-provider NAME [--statement NAME] --out FILE',
  async run(args, out) {
    const year = StartYear.safeParse(requireOption(args, 'cohort'));
    if (!year.success) throw new CliUsageError('--cohort must be a cohort start year, like 2024');
    const leadProviderName = requireOption(args, 'lead-provider');
    const file = path.resolve(requireOption(args, 'out'));
    const statementName = args.options.statement;
    if (statementName === 'true') throw new CliUsageError('--statement needs a statement name');

    const cohort = await db().cohort.findUnique({ where: { startYear: year.data }, select: { id: true } });
    if (!cohort) throw notFound(`Cohort ${year.data}`);
    const leadProvider = await db().leadProvider.findUnique({ where: { name: leadProviderName }, select: { cpdLeadProviderId: true } });
    if (!leadProvider) throw notFound(`Lead provider "${leadProviderName}"`);
    const scope = { cpdLeadProviderId: leadProvider.cpdLeadProviderId, cohortId: cohort.id };

    let rows: number;
    if (statementName) {
      const statement = await db().statement.findUnique({ where: { name_cpdLeadProviderId_cohortId: { name: statementName, ...scope } }, select: { id: true } });
      if (!statement) throw notFound(`Statement "${statementName}" of ${leadProviderName} in the ${year.data} cohort`);
      ({ rows } = await writeFileAtomically(file, (stream) => writeStatementDeclarationsCsv(statement.id, stream)));
    } else {
      ({ rows } = await writeFileAtomically(file, (stream) => writeProviderDeclarationsCsv(scope, stream)));
    }
    out.say(`Wrote ${rows} declaration row(s) to ${file}.`);
    return { file, rows };
  },
};
