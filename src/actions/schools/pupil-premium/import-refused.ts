import type { ImportProblem } from '../../../reports/csv/read-csv.js';
import { ActionError } from '../../errors.js';
import type { PupilPremiumImportResult } from '../import-pupil-premium.js';

/** A file with errors: nothing was imported. Carries the problems whole, for pages that list them by line. */
export class ImportRefused extends ActionError {
  constructor(readonly problems: ImportProblem[]) {
    const count = problems.length === 1 ? '1 error' : `${problems.length} errors`;
    super(
      'INVALID_INPUT',
      `${problems[0]?.file ?? 'The file'} has ${count}, so nothing was imported. Correct the file and upload it again.`,
      problems.map((problem) => ({ field: `line ${problem.line}${problem.column ? `, ${problem.column}` : ''}`, message: problem.message })),
    );
    this.name = 'ImportRefused';
  }
}

/** For `throw importRefused(errors)`; catch it with `instanceof ImportRefused`. */
export const importRefused = (errors: ImportProblem[]) => new ImportRefused(errors);

/** The pupil premium apply refused: also carries what the preview found, for callers that report the counts. */
export class PupilPremiumImportRefused extends ImportRefused {
  constructor(readonly result: PupilPremiumImportResult) {
    super(result.errors);
    this.name = 'PupilPremiumImportRefused';
  }
}
