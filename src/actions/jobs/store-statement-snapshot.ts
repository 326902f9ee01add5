// A statement's calculation kept as a snapshot, so finance can see when and what changed. A snapshot
// is stored only when the result differs from the statement's latest one: recalculating an unchanged
// statement, or running the job twice, adds nothing.
import { randomUUID } from 'node:crypto';
import { db } from '../../db/client.js';
import type { StatementCalculation } from '../../reports/statements/calculate-statement.js';

/** True when a new snapshot was stored. */
export async function storeStatementSnapshot(calculation: StatementCalculation): Promise<boolean> {
  const statementId = calculation.statement.id;
  // Decimals become exact strings; jsonb compares the result whatever the order of its keys.
  const result = JSON.stringify(calculation);
  const stored = await db().$executeRaw`
    INSERT INTO statement_snapshots (id, "statementId", total, result, "calculatedAt")
    SELECT ${randomUUID()}::uuid, ${statementId}::uuid, ${calculation.summary.total.toFixed()}::numeric, ${result}::jsonb, now()
    WHERE NOT EXISTS (
      SELECT 1 FROM (
        SELECT result FROM statement_snapshots WHERE "statementId" = ${statementId}::uuid ORDER BY "calculatedAt" DESC, id DESC LIMIT 1
      ) latest
      WHERE latest.result = ${result}::jsonb
    )`;
  return stored === 1;
}

