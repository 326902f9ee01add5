// Changes the name and amount of an additional adjustment while its statement can still be adjusted.
import { z } from 'zod';
import type { FinanceAdjustment } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { changedFields, recordAudit } from '../audit/record-audit.js';
import { refuseWithoutApproval } from '../approvals/approval-rules.js';
import { requirePermission } from '../authz.js';
import { Id } from '../zod.js';
import { AdjustmentAmount, AdjustmentName } from './adjustment-fields.js';
import { lockAdjustmentStatement } from './lock-adjustment-statement.js';
import { parseInput } from './parse-input.js';
import { auditEvents } from '../audit/events.js';

export const ChangeFinanceAdjustmentInput = z.object({
  adjustmentId: Id,
  paymentType: AdjustmentName,
  amount: AdjustmentAmount,
});

/** Changes at once, for the system; people change through an adjustment request (src/actions/approvals/request-adjustment.ts). */
export async function changeFinanceAdjustment(ctx: ActorContext, raw: unknown): Promise<FinanceAdjustment> {
  const input = parseInput(ChangeFinanceAdjustmentInput, raw);
  requirePermission(ctx, 'statements.adjust');
  refuseWithoutApproval(ctx);
  return db().$transaction((tx) => changeFinanceAdjustmentIn(tx, ctx, input));
}

/** The change inside the caller's transaction, checked against the statement as it is now. */
export async function changeFinanceAdjustmentIn(tx: Tx, ctx: ActorContext, input: z.output<typeof ChangeFinanceAdjustmentInput>): Promise<FinanceAdjustment> {
  const { adjustmentId, paymentType, amount } = input;
  {
    const adjustment = await lockAdjustmentStatement(tx, adjustmentId);
    const changed = await tx.financeAdjustment.update({ where: { id: adjustmentId }, data: { paymentType, amount } });
    const diff = changedFields(
      { paymentType: adjustment.paymentType, amount: adjustment.amount.toFixed(2) },
      { paymentType: changed.paymentType, amount: changed.amount.toFixed(2) },
    );
    if (Object.keys(diff.after).length === 0) return changed;
    await recordAudit(tx, ctx, auditEvents.statementAdjustmentChanged({
      subjectId: adjustment.statementId,
      before: { adjustmentId, ...diff.before },
      after: { adjustmentId, ...diff.after },
    }));
    return changed;
  }
}
