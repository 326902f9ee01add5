// npm run cli -- statements:calculate --statement ID [--json]
import { Id } from '../../actions/zod.js';
import { calculateStatement } from '../../reports/statements/calculate-statement.js';
import { formatPounds } from '../../reports/statements/decimal.js';
import { CliUsageError, requireOption, type CliCommand } from '../command.js';

export const statementsCalculate: CliCommand = {
  name: 'statements:calculate',
  summary: "Calculate a lead provider's statement and print its payment breakdown",
  usage: '--statement ID',
  async run(args, out) {
    const statementId = Id.safeParse(requireOption(args, 'statement'));
    if (!statementId.success) throw new CliUsageError('--statement must be a statement id');
    const calculation = await calculateStatement(statementId.data);
    const { statement, summary } = calculation;
    out.say(`${summary.title}`);
    out.say(`${statement.leadProviderName}, ${statement.cohortStartYear} cohort, ${statement.name} (${statement.state})`);
    out.say(`Milestone cut off date ${statement.deadlineDate}, payment date ${statement.paymentDate}`);
    const width = Math.max(...summary.rows.map((r) => r.label.length), 'Total'.length);
    for (const { label, amount } of summary.rows) out.say(`  ${label.padEnd(width)}  ${formatPounds(amount).padStart(16)}`);
    out.say(`  ${'Total'.padEnd(width)}  ${formatPounds(summary.total).padStart(16)}`);
    return JSON.parse(JSON.stringify(calculation)) as Record<string, unknown>;
  },
};
