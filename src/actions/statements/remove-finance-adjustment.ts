// "Are you sure you want to remove the '<name>' adjustment?": removes it while its statement can still be adjusted.
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { Id } from '../zod.js';
import { lockAdjustmentStatement } from './lock-adjustment-statement.js';
import { parseInput } from './parse-input.js';
import { auditEvents } from '../audit/events.js';

export const RemoveFinanceAdjustmentInput = z.object({ adjustmentId: Id });

export async function removeFinanceAdjustment(ctx: ActorContext, raw: unknown): Promise<{ statementId: string }> {
  const { adjustmentId } = parseInput(RemoveFinanceAdjustmentInput, raw);
  requirePermission(ctx, 'statements.adjust');
  return db().$transaction(async (tx) => {
    const adjustment = await lockAdjustmentStatement(tx, adjustmentId);
    await tx.financeAdjustment.delete({ where: { id: adjustmentId } });
    await recordAudit(tx, ctx, auditEvents.statementAdjustmentRemoved({
      subjectId: adjustment.statementId,
      before: { adjustmentId, paymentType: adjustment.paymentType, amount: adjustment.amount },
    }));
    return { statementId: adjustment.statementId };
  });
}
