// npm run cli -- statements:show --lead-provider NAME --cohort YEAR --statement NAME [--json]
import { StartYear } from '../../actions/zod.js';
import { calculateStatement } from '../../reports/statements/calculate-statement.js';
import { findStatementByName } from '../../reports/statements/find-statements.js';
import { headlineJson, statementHeadline } from '../../reports/statements/headline-figures.js';
import { CliUsageError, requireOption, type CliCommand } from '../command.js';
import { headlineLines, presentedLines, spacedJson } from '../statement-breakdown.js';

export const statementsShow: CliCommand = {
  name: 'statements:show',
  summary: "Print a lead provider's statement: its payment breakdown and totals",
  usage: '--lead-provider NAME --cohort YEAR --statement NAME',
  async run(args, out) {
    const leadProviderName = requireOption(args, 'lead-provider');
    const year = StartYear.safeParse(requireOption(args, 'cohort'));
    if (!year.success) throw new CliUsageError('--cohort must be a cohort start year, like 2024');
    const { id } = await findStatementByName(leadProviderName, year.data, requireOption(args, 'statement'));

    const calculation = await calculateStatement(id);
    const { statement } = calculation;
    out.say(calculation.summary.title);
    out.say(`${statement.leadProviderName}, ${statement.cohortStartYear} cohort, ${statement.name} (${statement.state})`);
    out.say(`Milestone cut off date ${statement.deadlineDate}, payment date ${statement.paymentDate}`);
    const { presented } = calculation;
    const sections = calculation.kind === 'ecf'
      ? presentedLines('Output payments', presented.ect, calculation.ecf)
      : [...presentedLines('ECT output payments', presented.ect, calculation.ect), ...presentedLines('Mentor output payments', presented.mentor!, calculation.mentor)];
    for (const line of sections) out.say(line);
    const figures = statementHeadline(calculation);
    out.say('Payment breakdown');
    for (const line of headlineLines(figures)) out.say(line);
    return headlineJson(figures);
  },
  jsonLine: (result) => spacedJson(result as Record<string, string>),
};
