import type { FinanceAdjustment } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import { ActionError, notFound } from '../errors.js';
import { lockStatement } from './lock-statement.js';
import { adjustmentRefusal } from './statement-rules.js';

/** The adjustment, once its statement is locked and still open to adjustments. */
export async function lockAdjustmentStatement(tx: Tx, adjustmentId: string): Promise<FinanceAdjustment> {
  const found = await tx.financeAdjustment.findUnique({ where: { id: adjustmentId } });
  if (!found) throw notFound('Adjustment');
  const refusal = adjustmentRefusal(await lockStatement(tx, found.statementId));
  if (refusal) throw new ActionError('INVALID_STATE', refusal);
  const adjustment = await tx.financeAdjustment.findUnique({ where: { id: adjustmentId } });
  if (!adjustment) throw notFound('Adjustment');
  return adjustment;
}
