// Adds an additional adjustment (a named payment or deduction) to an output-fee statement not yet paid.
import { z } from 'zod';
import type { FinanceAdjustment } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { refuseWithoutApproval } from '../approvals/approval-rules.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Id } from '../zod.js';
import { AdjustmentAmount, AdjustmentName } from './adjustment-fields.js';
import { lockStatement } from './lock-statement.js';
import { parseInput } from './parse-input.js';
import { adjustmentRefusal } from './statement-rules.js';
import { auditEvents } from '../audit/events.js';

export const AddFinanceAdjustmentInput = z.object({
  statementId: Id,
  paymentType: AdjustmentName,
  amount: AdjustmentAmount,
});

/** Adds at once, for the system; people add through an adjustment request (src/actions/approvals/request-adjustment.ts). */
export async function addFinanceAdjustment(ctx: ActorContext, raw: unknown): Promise<FinanceAdjustment> {
  const input = parseInput(AddFinanceAdjustmentInput, raw);
  requirePermission(ctx, 'statements.adjust');
  refuseWithoutApproval(ctx);
  return db().$transaction((tx) => addFinanceAdjustmentIn(tx, ctx, input));
}

/** The addition inside the caller's transaction, checked against the statement as it is now. */
export async function addFinanceAdjustmentIn(tx: Tx, ctx: ActorContext, input: z.output<typeof AddFinanceAdjustmentInput>): Promise<FinanceAdjustment> {
  {
    const refusal = adjustmentRefusal(await lockStatement(tx, input.statementId));
    if (refusal) throw new ActionError('INVALID_STATE', refusal);
    const adjustment = await tx.financeAdjustment.create({ data: input });
    await recordAudit(tx, ctx, auditEvents.statementAdjustmentAdded({
      subjectId: input.statementId,
      after: { adjustmentId: adjustment.id, paymentType: adjustment.paymentType, amount: adjustment.amount },
    }));
    return adjustment;
  }
}
