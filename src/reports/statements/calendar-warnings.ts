// The statement calendar's dates that do not look right, shown to finance instead of trusted silently.
import type { StatementListItem } from './find-statements.js';

/**
 * What looks wrong in a statement's dates, for finance to see rather than trust: a milestone cut off date
 * after the payment date (the DfE's calendar types some January cut offs a year late), or a payment more
 * than three months after its cut off.
 */
export function calendarWarnings(statement: Pick<StatementListItem, 'name' | 'cohortStartYear' | 'deadlineDate' | 'paymentDate'>): string[] {
  const warnings: string[] = [];
  const which = `${statement.name} (${statement.cohortStartYear} cohort)`;
  if (statement.deadlineDate > statement.paymentDate) {
    warnings.push(`${which}: the milestone cut off date ${statement.deadlineDate} is after the payment date ${statement.paymentDate}; the cut off's year is probably wrong.`);
  } else if (Date.parse(statement.paymentDate) - Date.parse(statement.deadlineDate) > 92 * 86_400_000) {
    warnings.push(`${which}: the payment date ${statement.paymentDate} is more than three months after the milestone cut off date ${statement.deadlineDate}.`);
  }
  return warnings;
}

/** What finance should know about any of these warnings. */
export const CALENDAR_WARNING_NOTE = 'Statements are listed and chosen by payment date; the milestone cut off date still decides when a statement becomes payable, so correct the calendar (cohort set-up import) where it is wrong.';
