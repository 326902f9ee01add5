// A second finance or super user approves a request: in one transaction the request is locked, the
// approver is checked not to be its requester, everything the request checked is checked again against
// the data as it is now (the action's own rules, the requester still allowed, and for an authorisation
// the statement's total unchanged), the change is made, and the decision audited and emailed.
import type { ApprovalRequest } from '@prisma/client';
import { z } from 'zod';
import { db, type Tx } from '../../db/client.js';
import { calculateStatement } from '../../reports/statements/calculate-statement.js';
import { Decimal, formatPounds } from '../../reports/statements/decimal.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Id } from '../zod.js';
import { voidDeclarationIn } from '../declarations/void-declaration.js';
import { AddFinanceAdjustmentInput, addFinanceAdjustmentIn } from '../statements/add-finance-adjustment.js';
import { authorisePaymentIn } from '../statements/authorise-payment.js';
import { ChangeFinanceAdjustmentInput, changeFinanceAdjustmentIn } from '../statements/change-finance-adjustment.js';
import { parseInput } from '../statements/parse-input.js';
import { lockPendingRequest, notifyRequester, refuseOwnRequest, requesterStillAllowed, requestingUser } from './approval-rules.js';
import { auditEvents } from '../audit/events.js';

export const ApproveRequestInput = z.object({ requestId: Id });

export async function approveRequest(ctx: ActorContext, raw: unknown): Promise<ApprovalRequest> {
  const { requestId } = parseInput(ApproveRequestInput, raw);
  requirePermission(ctx, 'approvals.decide');
  const approver = requestingUser(ctx);
  return db().$transaction(async (tx) => {
    const request = await lockPendingRequest(tx, requestId);
    refuseOwnRequest(request, approver.id);
    const effect = await apply(tx, ctx, request);
    const approved = await tx.approvalRequest.update({
      where: { id: requestId },
      data: { status: 'approved', decidedById: approver.id, decidedAt: new Date() },
    });
    await recordAudit(tx, ctx, auditEvents.approvalApproved({
      subjectType: approved.statementId ? 'Statement' : 'Declaration',
      subjectId: approved.statementId ?? approved.declarationId!,
      before: { approvalRequestId: requestId, status: 'pending', requestedById: request.requestedById },
      after: { approvalRequestId: requestId, status: 'approved', kind: request.kind, ...effect },
    }));
    await notifyRequester(tx, approved, { approved: true, by: approver.email });
    return approved;
  }, { timeout: 120_000 });
}

async function apply(tx: Tx, ctx: ActorContext, request: ApprovalRequest): Promise<Record<string, unknown>> {
  switch (request.kind) {
    case 'authorise_payment': {
      await requesterStillAllowed(tx, request, 'statements.authorise_payment');
      const { statementId, total } = request.input as { statementId: string; total: string };
      const now = (await calculateStatement(statementId, tx)).summary.total.toFixed(2);
      if (now !== total) {
        throw new ActionError('INVALID_STATE', `The statement's total has changed since authorisation was requested (${formatPounds(new Decimal(total))} then, ${formatPounds(new Decimal(now))} now): reject this request and ask for a new one.`);
      }
      const authorised = await authorisePaymentIn(tx, ctx, statementId);
      return { markedAsPaidAt: authorised.markedAsPaidAt, total: authorised.total };
    }
    case 'add_adjustment': {
      await requesterStillAllowed(tx, request, 'statements.adjust');
      const adjustment = await addFinanceAdjustmentIn(tx, ctx, parseInput(AddFinanceAdjustmentInput, request.input));
      return { adjustmentId: adjustment.id };
    }
    case 'change_adjustment': {
      await requesterStillAllowed(tx, request, 'statements.adjust');
      const adjustment = await changeFinanceAdjustmentIn(tx, ctx, parseInput(ChangeFinanceAdjustmentInput, request.input));
      return { adjustmentId: adjustment.id };
    }
    case 'clawback_declaration': {
      await requesterStillAllowed(tx, request, 'declarations.void');
      const { declarationId, reason } = request.input as { declarationId: string; reason: string };
      await tx.$queryRaw`SELECT 1 FROM declarations WHERE id = ${declarationId}::uuid FOR UPDATE`;
      const declaration = await tx.declaration.findUnique({ where: { id: declarationId }, select: { state: true } });
      if (declaration?.state !== 'paid') {
        throw new ActionError('INVALID_STATE', `This declaration is no longer paid (it is ${declaration?.state ?? 'gone'}), so there is nothing to claw back: reject this request.`);
      }
      const voided = await voidDeclarationIn(tx, ctx, { declarationId, reason }, { clawbackApproved: true });
      return { declarationState: voided.state };
    }
  }
}
