// When finance may authorise a statement for payment or change its adjustments. The back office uses
// these to show or hide the buttons; the actions check them again inside their transactions.
import type { Statement } from '@prisma/client';
import { startOfUtcDay } from '../../reports/statements/dates.js';

type StatementState = Pick<Statement, 'outputFee' | 'state' | 'markedAsPaidAt' | 'deadlineDate'>;

/** Why the statement cannot be authorised for payment now, or null when it can. */
export function authorisePaymentRefusal(statement: StatementState, hasLineItems: boolean, now: Date = new Date()): string | null {
  if (!statement.outputFee) return 'Only output fee statements can be authorised for payment.';
  if (statement.markedAsPaidAt || statement.state === 'paid') return 'This statement has already been authorised for payment.';
  if (statement.deadlineDate >= startOfUtcDay(now)) return 'This statement cannot be authorised for payment until its milestone cut off date has passed.';
  if (statement.state !== 'payable') return 'This statement cannot be authorised for payment until it is payable.';
  if (!hasLineItems) return 'This statement has no declarations to authorise for payment.';
  return null;
}

/** Why additional adjustments of this statement cannot be added, changed or removed, or null when they can. */
export function adjustmentRefusal(statement: Pick<Statement, 'outputFee' | 'state'>): string | null {
  if (!statement.outputFee) return 'Adjustments can only be made to output fee statements.';
  if (statement.state === 'paid') return 'Adjustments cannot be made to a paid statement.';
  return null;
}
