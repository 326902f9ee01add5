// Puts a declaration on the statement that pays (or claws back) it. Called by the actions that make a
// declaration eligible, ineligible or awaiting clawback, inside their own transaction; they audit.
import type { Declaration, LineItemState } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import { ActionError } from '../errors.js';
import { findNextOutputFeeStatement, fundingContractEndedMessage } from './next-output-fee-statement.js';

const BILLABLE: LineItemState[] = ['eligible', 'payable', 'paid'];
const REFUNDABLE: LineItemState[] = ['awaiting_clawback', 'clawed_back'];
/** The line item states a declaration can be attached in, and the states that already count as attached. */
const ATTACHABLE: Partial<Record<LineItemState, LineItemState[]>> = {
  eligible: BILLABLE,
  ineligible: ['ineligible'],
  awaiting_clawback: REFUNDABLE,
};

export interface AttachedLineItem {
  lineItemId: string;
  statementId: string;
  state: LineItemState;
  /** False when the declaration already had such a line item and nothing was written. */
  created: boolean;
}

/**
 * Adds a line item in the declaration's state (eligible, ineligible or awaiting_clawback) to the lead
 * provider's next output-fee statement for the declaration's cohort. A declaration has at most one
 * billable and one refundable line item: if it already has one of the kind, that one is returned.
 */
export async function attachDeclarationToStatement(
  tx: Tx,
  declaration: Pick<Declaration, 'id' | 'state' | 'cpdLeadProviderId' | 'cohortId'>,
  now: Date = new Date(),
): Promise<AttachedLineItem> {
  const state = declaration.state as LineItemState;
  const sameKind = ATTACHABLE[state];
  if (!sameKind) throw new ActionError('INVALID_STATE', `A ${declaration.state} declaration cannot be put on a statement.`);

  const existing = await tx.statementLineItem.findFirst({ where: { declarationId: declaration.id, state: { in: sameKind } } });
  if (existing) return { lineItemId: existing.id, statementId: existing.statementId, state: existing.state, created: false };

  const statement = await findNextOutputFeeStatement(tx, declaration, now);
  if (!statement) {
    const cohort = await tx.cohort.findUniqueOrThrow({ where: { id: declaration.cohortId } });
    const message = fundingContractEndedMessage(cohort.startYear);
    throw new ActionError('INVALID_STATE', message, [{ field: 'cohort', message }]);
  }
  const lineItem = await tx.statementLineItem.create({ data: { statementId: statement.id, declarationId: declaration.id, state } });
  return { lineItemId: lineItem.id, statementId: statement.id, state, created: true };
}
