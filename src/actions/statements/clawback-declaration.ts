// Claws back a paid declaration: it becomes awaiting_clawback and a refundable line item goes on the
// lead provider's next output-fee statement, whose payment takes the money back. Called by the void
// actions (API and finance) inside their own transaction; they audit.
import type { Declaration } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import { ActionError, notFound } from '../errors.js';
import { attachDeclarationToStatement, type AttachedLineItem } from './attach-declaration-to-statement.js';
import { findNextOutputFeeStatement, fundingContractEndedMessage } from './next-output-fee-statement.js';

const refused = (message: string) =>
  new ActionError('INVALID_STATE', `Participant declaration ${message}`, [{ field: 'participant_declaration', message }]);

export async function clawbackDeclaration(
  tx: Tx,
  input: { declarationId: string; voidedByUserId?: string | null },
  now: Date = new Date(),
): Promise<{ declaration: Declaration; lineItem: AttachedLineItem }> {
  const declaration = await tx.declaration.findUnique({ where: { id: input.declarationId }, include: { cohort: true } });
  if (!declaration) throw notFound('Declaration');
  if (await tx.statementLineItem.count({ where: { declarationId: declaration.id, state: { in: ['awaiting_clawback', 'clawed_back'] } } })) {
    throw refused('will or has been be refunded');
  }
  if (declaration.state !== 'paid') throw refused('must be paid before it can be clawed back');
  if (!(await findNextOutputFeeStatement(tx, declaration, now))) throw refused(fundingContractEndedMessage(declaration.cohort.startYear));

  const { count } = await tx.declaration.updateMany({
    where: { id: declaration.id, state: 'paid' },
    data: {
      state: 'awaiting_clawback',
      ...(input.voidedByUserId ? { voidedByUserId: input.voidedByUserId, voidedAt: now } : {}),
    },
  });
  if (count === 0) throw refused('must be paid before it can be clawed back');
  await tx.declarationStateChange.create({ data: { declarationId: declaration.id, state: 'awaiting_clawback' } });
  const updated = await tx.declaration.findUniqueOrThrow({ where: { id: declaration.id } });
  return { declaration: updated, lineItem: await attachDeclarationToStatement(tx, updated, now) };
}
