// "Authorise for payment": after finance confirm their assurance checks, the statement's payable
// declarations are paid, its clawbacks are clawed back and the statement is paid, all at once. The
// figures as authorised are kept as a snapshot.
import { z } from 'zod';
import { db, type Tx } from '../../db/client.js';
import { calculateStatement } from '../../reports/statements/calculate-statement.js';
import type { ActorContext } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { refuseWithoutApproval } from '../approvals/approval-rules.js';
import { requirePermission } from '../authz.js';
import { ActionError } from '../errors.js';
import { Id } from '../zod.js';
import { lockStatement } from './lock-statement.js';
import { moveStatementDeclarations } from './move-statement-declarations.js';
import { parseInput } from './parse-input.js';
import { authorisePaymentRefusal } from './statement-rules.js';
import { auditEvents } from '../audit/events.js';

export const CHECKS_NOT_CONFIRMED = 'Confirm all necessary assurance checks have been done before authorising this statement for payment';

export const AuthorisePaymentInput = z.object({
  statementId: Id,
  /** "Yes, I'm ready to authorise this for payment". */
  checksDone: z.unknown().refine((v) => v === true || v === 'true', CHECKS_NOT_CONFIRMED),
});

export interface PaymentAuthorised {
  statementId: string;
  markedAsPaidAt: Date;
  declarationsPaid: number;
  declarationsClawedBack: number;
  /** The statement's total with VAT, as authorised. */
  total: string;
}

/**
 * Authorises at once. A person is refused: people reach it only through an approved request
 * (src/actions/approvals/approve-request.ts runs authorisePaymentIn in its transaction).
 */
export async function authorisePayment(ctx: ActorContext, raw: unknown): Promise<PaymentAuthorised> {
  const { statementId } = parseInput(AuthorisePaymentInput, raw);
  requirePermission(ctx, 'statements.authorise_payment');
  refuseWithoutApproval(ctx);
  return db().$transaction((tx) => authorisePaymentIn(tx, ctx, statementId), { timeout: 120_000 });
}

/** The authorisation inside the caller's transaction: every check made again against the data as it is now. */
export async function authorisePaymentIn(tx: Tx, ctx: ActorContext, statementId: string): Promise<PaymentAuthorised> {
  const now = new Date();
  const statement = await lockStatement(tx, statementId);
  const hasLineItems = (await tx.statementLineItem.count({ where: { statementId }, take: 1 })) > 0;
  const refusal = authorisePaymentRefusal(statement, hasLineItems, now);
  if (refusal) throw new ActionError('INVALID_STATE', refusal);

  const declarationsPaid = await moveStatementDeclarations(tx, statementId, 'payable', 'paid');
  const declarationsClawedBack = await moveStatementDeclarations(tx, statementId, 'awaiting_clawback', 'clawed_back');
  await tx.statement.update({ where: { id: statementId }, data: { state: 'paid', markedAsPaidAt: now } });
  const calculation = await calculateStatement(statementId, tx);
  await tx.statementSnapshot.create({
    data: { statementId, total: calculation.summary.total.toFixed(5), result: JSON.parse(JSON.stringify(calculation)), calculatedAt: now },
  });
  const total = calculation.summary.total.toFixed(2);
  await recordAudit(tx, ctx, auditEvents.statementAuthorisedForPayment({
    subjectId: statementId,
    before: { state: statement.state, markedAsPaidAt: null },
    after: { state: 'paid', markedAsPaidAt: now, declarationsPaid, declarationsClawedBack, total },
  }));
  return { statementId, markedAsPaidAt: now, declarationsPaid, declarationsClawedBack, total };
}
