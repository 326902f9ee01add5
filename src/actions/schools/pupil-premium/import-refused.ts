import type { ImportProblem } from '../../../reports/csv/read-csv.js';
import { ActionError } from '../../errors.js';

/** The refusal of a file with errors; each problem keeps its line and column in the field name. */
export function importRefused(errors: ImportProblem[]): ActionError {
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return new ActionError(
    'INVALID_INPUT',
    `${errors[0]?.file ?? 'The file'} has ${count}, so nothing was imported. Correct the file and upload it again.`,
    errors.map((problem) => ({ field: `line ${problem.line}${problem.column ? `, ${problem.column}` : ''}`, message: problem.message })),
  );
}
