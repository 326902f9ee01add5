// Finance voiding a declaration in the back office. An unpaid one is voided at once; a paid one would be
// clawed back (money taken from the lead provider), so that becomes a request a different finance or
// super user approves (approve-request.ts) before anything changes.
import type { ApprovalRequest, Declaration } from '@prisma/client';
import { db, type Tx } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError, notFound } from '../errors.js';
import { voidDeclaration, VoidDeclarationInput } from '../declarations/void-declaration.js';
import { isUuid } from '../partnerships/lenient-input.js';
import { notifyApprovers, requestingUser } from './approval-rules.js';
import { auditEvents } from '../audit/events.js';

export const CLAWBACK_ALREADY_REQUESTED = 'A clawback of this declaration has already been requested and is waiting for approval.';

/** Of these declarations, the ones with a clawback request still waiting for a second person. */
export async function declarationsAwaitingClawbackApproval(client: Tx, declarationIds: string[]): Promise<Set<string>> {
  const waiting = await client.approvalRequest.findMany({
    where: { declarationId: { in: declarationIds }, kind: 'clawback_declaration', status: 'pending' },
    select: { declarationId: true },
  });
  return new Set(waiting.map((r) => r.declarationId).filter((id): id is string => id !== null));
}

export type DeclarationVoidRequested =
  | { status: 'pending'; request: ApprovalRequest }
  | { status: 'voided'; declaration: Declaration };

export async function requestDeclarationVoid(ctx: ActorContext, raw: unknown): Promise<DeclarationVoidRequested> {
  const { declarationId, reason } = VoidDeclarationInput.parse(raw);
  requirePermission(ctx, 'declarations.void');
  const user = requestingUser(ctx);
  if (!reason) throw new ActionError('INVALID_INPUT', 'Give a reason for voiding this declaration', [{ field: 'reason', message: 'Give a reason for voiding this declaration' }]);
  if (!isUuid(declarationId)) throw notFound('Declaration');
  const paid = await db().declaration.findUnique({ where: { id: declarationId }, select: { state: true } });
  if (!paid) throw notFound('Declaration');
  if (paid.state !== 'paid') return { status: 'voided', declaration: await voidDeclaration(ctx, { declarationId, reason }) };

  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM declarations WHERE id = ${declarationId}::uuid FOR UPDATE`;
    const declaration = await tx.declaration.findUniqueOrThrow({
      where: { id: declarationId },
      include: { participantProfile: { include: { teacher: true } }, cpdLeadProvider: true },
    });
    if (declaration.state !== 'paid') throw new ActionError('INVALID_STATE', 'This declaration changed while you were voiding it: open it again.');
    if ((await declarationsAwaitingClawbackApproval(tx, [declarationId])).size) {
      throw new ActionError('INVALID_STATE', CLAWBACK_ALREADY_REQUESTED);
    }
    const request = await tx.approvalRequest.create({
      data: {
        kind: 'clawback_declaration',
        declarationId,
        input: { declarationId, reason },
        reason,
        description: `void the paid ${declaration.declarationType.replace('_', '-')} declaration of ${declaration.participantProfile.teacher.fullName} (${declaration.cpdLeadProvider.name}), clawing it back on the next output fee statement`,
        requestedById: user.id,
      },
    });
    await recordAudit(tx, ctx, auditEvents.declarationClawbackRequestedForApproval({
      subjectId: declarationId,
      after: { approvalRequestId: request.id },
      reason,
    }));
    await notifyApprovers(tx, request, user.email);
    return { status: 'pending' as const, request };
  });
}
