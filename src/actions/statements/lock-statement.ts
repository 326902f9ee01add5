import type { Statement } from '@prisma/client';
import type { Tx } from '../../db/client.js';
import { notFound } from '../errors.js';

/**
 * Reads the statement with its row locked until the transaction ends, so its state cannot change under
 * an action (authorising, marking payable, adjusting) that depends on it.
 */
export async function lockStatement(tx: Tx, statementId: string): Promise<Statement> {
  await tx.$queryRaw`SELECT id FROM statements WHERE id = ${statementId}::uuid FOR UPDATE`;
  const statement = await tx.statement.findUnique({ where: { id: statementId } });
  if (!statement) throw notFound('Statement');
  return statement;
}
