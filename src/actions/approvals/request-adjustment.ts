// Adding or changing an additional adjustment as a request: checked now, applied when a different
// finance or super user approves it (approve-request.ts). Below ADJUSTMENT_APPROVAL_THRESHOLD (unset by
// default: every adjustment needs approval) it is applied at once.
import type { ApprovalRequest, FinanceAdjustment } from '@prisma/client';
import { z } from 'zod';
import { db } from '../../db/client.js';
import { formatPounds } from '../../reports/statements/decimal.js';
import { Decimal } from '../../reports/statements/decimal.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Id } from '../zod.js';
import { AddFinanceAdjustmentInput, addFinanceAdjustmentIn } from '../statements/add-finance-adjustment.js';
import { AdjustmentAmount, AdjustmentName } from '../statements/adjustment-fields.js';
import { ChangeFinanceAdjustmentInput, changeFinanceAdjustmentIn } from '../statements/change-finance-adjustment.js';
import { lockAdjustmentStatement } from '../statements/lock-adjustment-statement.js';
import { lockStatement } from '../statements/lock-statement.js';
import { parseInput } from '../statements/parse-input.js';
import { adjustmentRefusal } from '../statements/statement-rules.js';
import { adjustmentNeedsApproval, notifyApprovers, requestingUser } from './approval-rules.js';
import { auditEvents } from '../audit/events.js';

/** With adjustmentId: change that adjustment; without: add one to the statement. */
export const RequestAdjustmentInput = z.object({
  statementId: Id.optional(),
  adjustmentId: Id.optional(),
  paymentType: AdjustmentName,
  amount: AdjustmentAmount,
});

export type AdjustmentRequested =
  | { status: 'pending'; request: ApprovalRequest }
  | { status: 'applied'; adjustment: FinanceAdjustment };

export async function requestAdjustment(ctx: ActorContext, raw: unknown): Promise<AdjustmentRequested> {
  const input = parseInput(RequestAdjustmentInput, raw);
  requirePermission(ctx, 'statements.adjust');
  const user = requestingUser(ctx);
  return db().$transaction(async (tx) => {
    if (input.adjustmentId) {
      const change = parseInput(ChangeFinanceAdjustmentInput, input);
      const current = await lockAdjustmentStatement(tx, change.adjustmentId);
      if (!adjustmentNeedsApproval([current.amount.toString(), change.amount])) {
        return { status: 'applied' as const, adjustment: await changeFinanceAdjustmentIn(tx, ctx, change) };
      }
      const request = await tx.approvalRequest.create({
        data: {
          kind: 'change_adjustment',
          statementId: current.statementId,
          adjustmentId: current.id,
          input: change,
          description: `change the adjustment "${current.paymentType}" (${formatPounds(new Decimal(current.amount.toString()))}) to "${change.paymentType}" (${formatPounds(new Decimal(change.amount))}) on ${await statementLabel(tx, current.statementId)}`,
          requestedById: user.id,
        },
      });
      await audit(tx, ctx, current.statementId, request, { adjustmentId: current.id, paymentType: change.paymentType, amount: change.amount });
      await notifyApprovers(tx, request, user.email);
      return { status: 'pending' as const, request };
    }
    const addition = parseInput(AddFinanceAdjustmentInput, input);
    const refusal = adjustmentRefusal(await lockStatement(tx, addition.statementId));
    if (refusal) throw new ActionError('INVALID_STATE', refusal);
    if (!adjustmentNeedsApproval([addition.amount])) return { status: 'applied' as const, adjustment: await addFinanceAdjustmentIn(tx, ctx, addition) };
    const request = await tx.approvalRequest.create({
      data: {
        kind: 'add_adjustment',
        statementId: addition.statementId,
        input: addition,
        description: `add the adjustment "${addition.paymentType}" of ${formatPounds(new Decimal(addition.amount))} to ${await statementLabel(tx, addition.statementId)}`,
        requestedById: user.id,
      },
    });
    await audit(tx, ctx, addition.statementId, request, { paymentType: addition.paymentType, amount: addition.amount });
    await notifyApprovers(tx, request, user.email);
    return { status: 'pending' as const, request };
  });
}

async function statementLabel(tx: Parameters<typeof lockStatement>[0], statementId: string): Promise<string> {
  const s = await tx.statement.findUniqueOrThrow({ where: { id: statementId }, include: { cohort: true, cpdLeadProvider: true } });
  return `${s.cpdLeadProvider.name}'s ${s.name} statement (${s.cohort.startYear} cohort)`;
}

function audit(tx: Parameters<typeof lockStatement>[0], ctx: ActorContext, statementId: string, request: ApprovalRequest, after: Record<string, unknown>) {
  return recordAudit(tx, ctx, auditEvents.statementAdjustmentRequested({
    subjectId: statementId,
    after: { approvalRequestId: request.id, kind: request.kind, ...after },
  }));
}
