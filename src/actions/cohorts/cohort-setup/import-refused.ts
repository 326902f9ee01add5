import type { ImportProblem } from '../../../reports/csv/read-csv.js';
import { ActionError } from '../../errors.js';
import type { CohortSetupImportResult } from '../import-cohort-setup.js';

/** An apply refused because the files have problems; nothing was written. Keeps the whole run: every problem, and what the rest would have done. */
export class CohortSetupImportRefused extends ActionError {
  readonly problems: ImportProblem[];

  constructor(readonly result: CohortSetupImportResult) {
    const count = result.problems.length === 1 ? '1 problem' : `${result.problems.length} problems`;
    super(
      'INVALID_INPUT',
      `The files have ${count}, so nothing was imported. Correct them and import again.`,
      result.problems.map((problem) => ({ field: problemPlace(problem), message: problem.message })),
    );
    this.name = 'CohortSetupImportRefused';
    this.problems = result.problems;
  }
}

/** "cohorts.csv, line 3, registration-start-date" */
export function problemPlace(problem: ImportProblem): string {
  return [problem.file, `line ${problem.line}`, problem.column].filter(Boolean).join(', ');
}
