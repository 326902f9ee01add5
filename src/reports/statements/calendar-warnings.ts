// The statement calendar's dates that do not look right, shown to finance instead of trusted silently.
import type { StatementListItem } from './find-statements.js';

/**
 * What looks wrong in a statement's dates, for finance to see rather than trust: a milestone cut off date
 * after the payment date (the DfE's calendar types some January cut offs a year late), or a payment more
 * than three months after its cut off.
 */
export function calendarWarnings(statement: Pick<StatementListItem, 'name' | 'deadlineDate' | 'paymentDate'>): string[] {
  const warnings: string[] = [];
  if (statement.deadlineDate > statement.paymentDate) {
    warnings.push(`${statement.name}: the milestone cut off date (${statement.deadlineDate}) is after the payment date (${statement.paymentDate}); the calendar probably has the cut off's year wrong. Statements are ordered and chosen by payment date, but the cut off date still decides when this statement becomes payable.`);
  } else if (Date.parse(statement.paymentDate) - Date.parse(statement.deadlineDate) > 92 * 86_400_000) {
    warnings.push(`${statement.name}: the payment date (${statement.paymentDate}) is more than three months after the milestone cut off date (${statement.deadlineDate}).`);
  }
  return warnings;
}
