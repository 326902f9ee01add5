// "Authorise for payment" as a request: the statement's checks are made now, and the statement is
// authorised only when a different finance or super user approves (approve-request.ts), checked again then.
import type { ApprovalRequest } from '@prisma/client';
import { db } from '../../db/client.js';
import { calculateStatement } from '../../reports/statements/calculate-statement.js';
import { formatPounds } from '../../reports/statements/decimal.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { AuthorisePaymentInput } from '../statements/authorise-payment.js';
import { lockStatement } from '../statements/lock-statement.js';
import { parseInput } from '../statements/parse-input.js';
import { AUTHORISATION_PENDING } from '../statements/find-statement-permissions.js';
import { authorisePaymentRefusal } from '../statements/statement-rules.js';
import { notifyApprovers, requestingUser } from './approval-rules.js';
import { auditEvents } from '../audit/events.js';


export async function requestPaymentAuthorisation(ctx: ActorContext, raw: unknown): Promise<ApprovalRequest> {
  const { statementId } = parseInput(AuthorisePaymentInput, raw);
  requirePermission(ctx, 'statements.authorise_payment');
  const user = requestingUser(ctx);
  return db().$transaction(async (tx) => {
    const statement = await lockStatement(tx, statementId);
    const hasLineItems = (await tx.statementLineItem.count({ where: { statementId }, take: 1 })) > 0;
    const refusal = authorisePaymentRefusal(statement, hasLineItems);
    if (refusal) throw new ActionError('INVALID_STATE', refusal);
    const pending = await tx.approvalRequest.count({ where: { statementId, kind: 'authorise_payment', status: 'pending' } });
    if (pending > 0) throw new ActionError('INVALID_STATE', AUTHORISATION_PENDING);

    const calculation = await calculateStatement(statementId, tx);
    const { leadProviderName, name, cohortStartYear } = calculation.statement;
    const total = calculation.summary.total.toFixed(2);
    const request = await tx.approvalRequest.create({
      data: {
        kind: 'authorise_payment',
        statementId,
        input: { statementId, total },
        description: `authorise ${leadProviderName}'s ${name} statement (${cohortStartYear} cohort) for payment, total ${formatPounds(calculation.summary.total)}`,
        requestedById: user.id,
      },
    });
    await recordAudit(tx, ctx, auditEvents.statementAuthorisationRequested({
      subjectId: statementId,
      after: { approvalRequestId: request.id, total },
    }));
    await notifyApprovers(tx, request, user.email);
    return request;
  }, { timeout: 120_000 });
}
