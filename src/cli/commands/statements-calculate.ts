// npm run cli -- statements:calculate --input FILE.json [--json]
// Checking a figure by hand: the calculator on its plain input, with no database involved. A stored
// statement is printed by statements:show.
import { readFile } from 'node:fs/promises';
import { parseInput } from '../../actions/statements/parse-input.js';
import { CalculatorInput, toEngineInput } from '../../reports/statements/calculator-input.js';
import { calculateEcfStatement } from '../../reports/statements/ecf-calculator.js';
import { ecfHeadline, headlineJson, mentorHeadline } from '../../reports/statements/headline-figures.js';
import { calculateMentorStatement } from '../../reports/statements/mentor-calculator.js';
import { CliUsageError, requireOption, type CliCommand } from '../command.js';
import { exactHeadlineLines, headlineLines, presentedLines } from '../statement-breakdown.js';
import { ECF_STATEMENT_TITLE, ECT_MENTOR_STATEMENT_TITLE } from '../../reports/statements/statement-summary.js';
import { presentEcfResult, presentMentorResult, type PresentedStatement } from '../../reports/statements/presented-statement.js';
import type { HeadlineFigures } from '../../reports/statements/headline-figures.js';

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

export const statementsCalculate: CliCommand = {
  name: 'statements:calculate',
  summary: 'Run the ECF or mentor statement calculator on a plain JSON input and print every figure',
  usage: '--input FILE.json',
  needsDatabase: false,
  async run(args, out) {
    const input = parseInput(CalculatorInput, await readJson(requireOption(args, 'input')));
    const say = (heading: string, presented: PresentedStatement, exact: HeadlineFigures, engine: Parameters<typeof presentedLines>[2]) => {
      const lines = [
        ...presentedLines(heading, presented.ect, engine),
        'Payment breakdown (as presented: each line to the penny, totals their sums, VAT on the rounded total)',
        ...headlineLines(presented.headline),
        "The calculator's exact figures (unrounded)",
        ...exactHeadlineLines(exact),
      ];
      for (const line of lines) out.say(line);
    };
    if (input.calculator === 'mentor') {
      const result = calculateMentorStatement(toEngineInput(input));
      const presented = presentMentorResult(ECT_MENTOR_STATEMENT_TITLE, result, input.vatChargeable);
      say('Mentor output payments', presented, mentorHeadline(result), result);
      return { calculator: 'mentor', figures: headlineJson(presented.headline), exactFigures: exactJson(mentorHeadline(result)), result: plain(result) };
    }
    const result = calculateEcfStatement(toEngineInput(input));
    const presented = presentEcfResult(ECF_STATEMENT_TITLE, result, input.vatChargeable);
    say('Output payments', presented, ecfHeadline(result), result);
    return { calculator: 'ecf', figures: headlineJson(presented.headline), exactFigures: exactJson(ecfHeadline(result)), result: plain(result) };
  },
};

/** Every headline figure as its exact decimal string. */
const exactJson = (figures: HeadlineFigures) => Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, (v as { toFixed(): string }).toFixed()]));

/** Decimals as their exact strings; a band without an upper limit holds `null` participants. */
const plain = (result: object) => JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
