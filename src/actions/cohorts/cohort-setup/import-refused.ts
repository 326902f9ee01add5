import type { ImportProblem } from '../../../reports/csv/read-csv.js';
import { ActionError } from '../../errors.js';

/** An apply refused because the files have problems; nothing was written. Keeps every problem whole. */
export class CohortSetupImportRefused extends ActionError {
  constructor(readonly problems: ImportProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      'INVALID_INPUT',
      `The files have ${count}, so nothing was imported. Correct them and import again.`,
      problems.map((problem) => ({ field: problemPlace(problem), message: problem.message })),
    );
    this.name = 'CohortSetupImportRefused';
  }
}

/** "cohorts.csv, line 3, registration-start-date" */
export function problemPlace(problem: ImportProblem): string {
  return [problem.file, `line ${problem.line}`, problem.column].filter(Boolean).join(', ');
}
