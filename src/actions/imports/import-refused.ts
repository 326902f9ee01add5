// The one refusal of every file import: the problems, each located by file, line and (when it is about one
// cell) column, in plain English, and what the rest of the file would have done. Every import raises it when
// an apply meets a problem; the back office, the CLI and the API show its problems the same way.
import type { ImportProblem } from '../../reports/csv/read-csv.js';
import { ActionError } from '../errors.js';

export type { ImportProblem } from '../../reports/csv/read-csv.js';

export class ImportRefused<R = unknown> extends ActionError {
  constructor(
    readonly problems: ImportProblem[],
    /** What the import found besides the problems (its preview), for callers that report the counts. */
    readonly result?: R,
  ) {
    super('INVALID_INPUT', refusalMessage(problems), problems.map((problem) => ({ field: problemPlace(problem), message: problem.message })));
    this.name = 'ImportRefused';
  }
}

/** "cohorts.csv, line 3, registration-start-date": where a problem is, as every import shows it. */
export function problemPlace({ file, line, column }: Pick<ImportProblem, 'file' | 'line' | 'column'>): string {
  return [file, `line ${line}`, column].filter(Boolean).join(', ');
}

/** "cohorts.csv, line 3, registration-start-date: … is not a date". */
export const problemLine = (problem: ImportProblem) => `${problemPlace(problem)}: ${problem.message}`;

/** One file's problems are its errors; an import of several files counts problems across them. */
function refusalMessage(problems: ImportProblem[]): string {
  const files = new Set(problems.map((problem) => problem.file));
  if (files.size > 1) {
    return `The files have ${problems.length} problems, so nothing was imported. Correct them and import again.`;
  }
  const count = problems.length === 1 ? '1 error' : `${problems.length} errors`;
  return `${problems[0]?.file || 'The file'} has ${count}, so nothing was imported. Correct the file and upload it again.`;
}

/** The import's result, whether it was applied or refused for its problems (any other error is thrown on). */
export async function resultEvenIfRefused<R>(run: Promise<R>): Promise<R> {
  try {
    return await run;
  } catch (error) {
    if (error instanceof ImportRefused && error.result !== undefined) return error.result as R;
    throw error;
  }
}
