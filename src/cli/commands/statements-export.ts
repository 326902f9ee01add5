// npm run cli -- statements:export --statement ID (--xlsx FILE | --csv FILE)
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Id } from '../../actions/zod.js';
import { writeStatementDeclarationsCsv } from '../../reports/statements/declarations-csv.js';
import { writeStatementXlsx } from '../../reports/statements/statement-xlsx.js';
import { CliUsageError, requireOption, type CliCommand } from '../command.js';

export const statementsExport: CliCommand = {
  name: 'statements:export',
  summary: "Write a statement's spreadsheet (--xlsx) or its declarations CSV (--csv) to a file",
  usage: '--statement ID (--xlsx FILE | --csv FILE)',
  async run(args, out) {
    const statementId = Id.safeParse(requireOption(args, 'statement'));
    if (!statementId.success) throw new CliUsageError('--statement must be a statement id');
    const { xlsx, csv } = args.options;
    if (!xlsx === !csv || xlsx === 'true' || csv === 'true') throw new CliUsageError('Give one of --xlsx FILE or --csv FILE');
    if (csv) {
      const { rows } = await writeStatementDeclarationsCsv(statementId.data, createWriteStream(csv));
      out.say(`Wrote ${rows} declaration row(s) to ${csv}.`);
      return { file: csv, rows };
    }
    const file = createWriteStream(xlsx);
    const calculation = await writeStatementXlsx(statementId.data, file);
    file.end();
    await once(file, 'finish');
    out.say(`Wrote ${calculation.statement.name} for ${calculation.statement.leadProviderName} to ${xlsx}.`);
    return { file: xlsx, total: calculation.summary.total.toFixed(2) };
  },
};
