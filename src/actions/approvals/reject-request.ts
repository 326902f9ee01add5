// A second finance or super user rejects a request, with a reason: nothing changes, the requester is told.
import type { ApprovalRequest } from '@prisma/client';
import { z } from 'zod';
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { Id, Reason } from '../zod.js';
import { parseInput } from '../statements/parse-input.js';
import { lockPendingRequest, notifyRequester, refuseOwnRequest, requestingUser } from './approval-rules.js';
import { auditEvents } from '../audit/events.js';

export const RejectRequestInput = z.object({ requestId: Id, reason: Reason });

export async function rejectRequest(ctx: ActorContext, raw: unknown): Promise<ApprovalRequest> {
  const { requestId, reason } = parseInput(RejectRequestInput, raw);
  requirePermission(ctx, 'approvals.decide');
  const decider = requestingUser(ctx);
  return db().$transaction(async (tx) => {
    const request = await lockPendingRequest(tx, requestId);
    refuseOwnRequest(request, decider.id);
    const rejected = await tx.approvalRequest.update({
      where: { id: requestId },
      data: { status: 'rejected', decidedById: decider.id, decidedAt: new Date(), rejectionReason: reason },
    });
    await recordAudit(tx, ctx, auditEvents.approvalRejected({
      subjectType: rejected.statementId ? 'Statement' : 'Declaration',
      subjectId: rejected.statementId ?? rejected.declarationId!,
      before: { approvalRequestId: requestId, status: 'pending', requestedById: request.requestedById },
      after: { approvalRequestId: requestId, status: 'rejected', kind: request.kind },
      reason,
    }));
    await notifyRequester(tx, rejected, { approved: false, by: decider.email, reason });
    return rejected;
  });
}
