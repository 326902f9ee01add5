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
import { ecfBreakdownLines, headlineLines, mentorBreakdownLines } from '../statement-breakdown.js';

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
    if (input.calculator === 'mentor') {
      const result = calculateMentorStatement(toEngineInput(input));
      const figures = mentorHeadline(result);
      for (const line of [...mentorBreakdownLines('Mentor output payments', result), 'Payment breakdown', ...headlineLines(figures)]) out.say(line);
      return { calculator: 'mentor', figures: headlineJson(figures), result: plain(result) };
    }
    const result = calculateEcfStatement(toEngineInput(input));
    const figures = ecfHeadline(result);
    for (const line of [...ecfBreakdownLines('Output payments', result), 'Payment breakdown', ...headlineLines(figures)]) out.say(line);
    return { calculator: 'ecf', figures: headlineJson(figures), result: plain(result) };
  },
};

/** Decimals as their exact strings; a band without an upper limit holds `null` participants. */
const plain = (result: object) => JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
