// What finance may do with a statement now, for the back office to show or hide its buttons and banner.
import { db } from '../../db/client.js';
import type { ActorContext } from '../actor.js';
import { requirePermission, type Permission } from '../authz.js';
import { notFound } from '../errors.js';
import { authorisedForPaymentTag } from '../../reports/statements/dates.js';
import { adjustmentRefusal, authorisePaymentRefusal } from './statement-rules.js';

/** Why a statement cannot be authorised again while a request waits; requestPaymentAuthorisation refuses with it too (src/actions/approvals/request-payment-authorisation.ts). */
export const AUTHORISATION_PENDING = 'Authorisation of this statement has already been requested and is waiting for approval.';

export interface StatementPermissions {
  /** "Authorise for payment": allowed, or the reason it is not (state, dates, or the user's role). */
  authorisePayment: { allowed: boolean; reason: string | null };
  /** "Add", "Change or remove" additional adjustments. */
  adjust: { allowed: boolean; reason: string | null };
  /** "Authorised for payment at 3:15pm on 5 Mar 2026" once authorised. */
  authorisedTag: string | null;
}

export async function findStatementPermissions(ctx: ActorContext, statementId: string, now: Date = new Date()): Promise<StatementPermissions> {
  const statement = await db().statement.findUnique({ where: { id: statementId } });
  if (!statement) throw notFound('Statement');
  const hasLineItems = (await db().statementLineItem.count({ where: { statementId }, take: 1 })) > 0;
  const authorisationPending = (await db().approvalRequest.count({ where: { statementId, kind: 'authorise_payment', status: 'pending' } })) > 0;
  const decide = (permission: Permission, refusal: string | null) => {
    const reason = permissionRefusal(ctx, permission) ?? refusal;
    return { allowed: reason === null, reason };
  };
  return {
    authorisePayment: decide('statements.authorise_payment', authorisePaymentRefusal(statement, hasLineItems, now) ?? (authorisationPending ? AUTHORISATION_PENDING : null)),
    adjust: decide('statements.adjust', adjustmentRefusal(statement)),
    authorisedTag: statement.markedAsPaidAt ? authorisedForPaymentTag(statement.markedAsPaidAt) : null,
  };
}

function permissionRefusal(ctx: ActorContext, permission: Permission): string | null {
  try {
    requirePermission(ctx, permission);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
