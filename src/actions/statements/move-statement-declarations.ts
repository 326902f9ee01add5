// Moves a statement's declarations and line items from one state to the next in bulk (payable, paid,
// clawed back), recording each declaration's transition in its state history.
import type { DeclarationState, LineItemState } from '@prisma/client';
import type { Tx } from '../../db/client.js';

type SharedState = DeclarationState & LineItemState;

/** Returns how many declarations moved. Only line items of this statement in `from` state, and their declarations in `from` state, move. */
export async function moveStatementDeclarations(tx: Tx, statementId: string, from: SharedState, to: SharedState): Promise<number> {
  const [{ count }] = await tx.$queryRaw<{ count: number }[]>`
    WITH moved AS (
      UPDATE declarations d
      SET state = ${to}::"DeclarationState", "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE d.state = ${from}::"DeclarationState"
        AND EXISTS (
          SELECT 1 FROM statement_line_items li
          WHERE li."declarationId" = d.id AND li."statementId" = ${statementId}::uuid AND li.state = ${from}::"LineItemState"
        )
      RETURNING d.id
    ), recorded AS (
      INSERT INTO declaration_state_changes (id, "declarationId", state, "createdAt")
      SELECT gen_random_uuid(), id, ${to}::"DeclarationState", now() AT TIME ZONE 'UTC' FROM moved
    )
    SELECT count(*)::int AS count FROM moved`;
  await tx.$executeRaw`
    UPDATE statement_line_items
    SET state = ${to}::"LineItemState", "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "statementId" = ${statementId}::uuid AND state = ${from}::"LineItemState"`;
  return count;
}
